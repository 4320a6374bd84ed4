import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, placements, propertyLocks, schoolPlaces, seasonSchools, verificationChecks } from '../../db/schema';
import { edgeCases } from '../../src/adapters/records-dataset';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { commitmentOf } from '../../src/domain/placement/lottery';
import { parentWithApplication } from '../helpers/applications-db';
import { submitForFamily } from '../helpers/edge-families';
import { startTestHost, type TestHost } from '../helpers/host';
import { residentId } from '../helpers/identity';
import { type Catalog, catalogFor } from '../helpers/journey';
import { parentToken, signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { signInStaff } from '../helpers/staff';
import { until } from '../helpers/until';

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;
const secrets = { 张公证: 'notary-5c2f-0d8e-3a71', 李代表: 'parents-9f33-82bb-1ea4' } as const;
const certificate = edgeCases.propertyOwner.facts.property!.certificateNumber;
const phones = { owner: '13700000701', hukou: '13700000702', decliner: '13700000703', unplaced: '13700000704' };
const ids = { owner: '', hukou: '', decliner: '', unplaced: '' };
let drawId = '';

const checksDone = (county: EnrollmentClient, applicationId: string) =>
  until('the system checks', async () => {
    const { verification } = await county.review.get.query({ applicationId });
    return verification.pending || verification.checks.length === 0 ? undefined : verification;
  });

/**
 * During registration: the 郭 family applies through the property channel (their certificate is in the records), a
 * hukou family through 户籍, and a third family through the property channel with its check already stored. All
 * three are approved; after the close the draw runs and the results are published.
 */
beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  admin = await signInStaff(t, 'admin');
  const county = await signInStaff(t, 'county');
  for (const [name, secret] of Object.entries(secrets)) {
    await admin.admin.placement.recordCommitment.mutate({
      seasonId: c.region.season.id,
      name,
      role: name === '张公证' ? '公证员' : '家长代表',
      commitment: await commitmentOf(secret),
    });
  }
  ids.owner = (
    await submitForFamily(t, await signInParent(t, phones.owner), c, edgeCases.propertyOwner, 'property', {
      propertyProof: 'certificate',
      propertyCertificateNumber: '湘（2021）桃江县不动产权第0006180号',
      propertyAddress: edgeCases.propertyOwner.address,
    })
  ).applicationId;
  await checksDone(county, ids.owner);

  const { db } = t.host.deps;
  const seeded = async (phone: string, channel: string, form: Record<string, unknown>, schools = [c.primary[0]!, c.primary[1]!]) => {
    const { applicationId } = await parentWithApplication(db, { phone, now: t.clock.now(), channel });
    await db
      .update(applications)
      .set({ community: c.community, firstSchoolId: schools[0]!.id, secondSchoolId: schools[1]!.id, form })
      .where(eq(applications.id, applicationId));
    return applicationId;
  };
  const storedPropertyCheck = (applicationId: string, certificateNumber: string) =>
    db.insert(verificationChecks).values({
      id: `property-check-${applicationId}`,
      applicationId,
      claim: 'property',
      result: 'pass',
      summary: '父母在城区有房产 ✓',
      values: { properties: [{ community: c.community, registeredOn: '2020-05-01', certificateNumber }] },
      source: 'local',
      checkedAt: t.clock.now(),
    });
  ids.hukou = await seeded(phones.hukou, 'hukou', {});
  ids.decliner = await seeded(phones.decliner, 'property', {
    propertyProof: 'certificate',
    propertyCertificateNumber: '湘(2020)桃江县不动产权第0002020号',
  });
  await storedPropertyCheck(ids.decliner, '湘(2020)桃江县不动产权第0002020号');
  // A fourth family chose two schools with no grade-1 places: 统筹安排.
  const full = (await t.client.catalog.schools.query({ regionId: c.region.id, level: 'primary' }))
    .filter((s) => !c.primary.slice(0, 2).some((p) => p.id === s.id))
    .slice(0, 2);
  for (const school of full) {
    const [offer] = await db.select().from(seasonSchools).where(eq(seasonSchools.schoolId, school.id));
    await db.update(schoolPlaces).set({ places: 0 }).where(eq(schoolPlaces.seasonSchoolId, offer!.id));
  }
  ids.unplaced = await seeded(
    phones.unplaced,
    'property',
    { propertyProof: 'certificate', propertyCertificateNumber: '湘(2018)桃江县不动产权第0001818号' },
    full,
  );
  await storedPropertyCheck(ids.unplaced, '湘(2018)桃江县不动产权第0001818号');
  for (const id of Object.values(ids)) await db.update(applications).set({ status: 'school_approved' }).where(eq(applications.id, id));

  t.clock.set('2024-08-20T09:00:00+08:00');
  admin = await signInStaff(t, 'admin');
  const { observers } = await admin.admin.placement.observers.query({ seasonId: c.region.season.id });
  for (const o of observers) {
    await admin.admin.placement.reveal.mutate({ observerId: o.id, contribution: secrets[o.name as keyof typeof secrets] });
  }
  const drawn = await admin.admin.placement.draw.mutate({ seasonId: c.region.season.id, entryId: c.entry('grade1').id, grade: 1 });
  drawId = drawn.id;
  await admin.admin.placement.publishResults.mutate({ drawId });
}, 60_000);
afterAll(() => t?.close());

const lockOf = async (applicationId: string) =>
  (await t.host.deps.db.select().from(propertyLocks).where(eq(propertyLocks.applicationId, applicationId)))[0];

describe('一房一位 at publication', () => {
  it('locks the property a property-channel admission used for six years, and nothing for a 户籍 admission', async () => {
    const [placed] = await t.host.deps.db
      .select({ schoolId: placements.schoolId })
      .from(placements)
      .where(eq(placements.applicationId, ids.owner));
    expect(placed!.schoolId).not.toBeNull();
    expect(await lockOf(ids.owner)).toMatchObject({
      certificateKey: certificate,
      schoolId: placed!.schoolId,
      lockedAt: new Date('2024-08-20T09:00:00+08:00'),
      lockedUntil: new Date('2030-08-20T09:00:00+08:00'),
      releasedAt: null,
    });
    expect(await lockOf(ids.hukou)).toBeUndefined();
    const audits = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'property_lock'));
    expect(audits.map((a) => a.applicationId).sort()).toEqual([ids.owner, ids.decliner].sort());
  });

  it('frees the property when the family gives the seat up, and keeps the other family’s lock', async () => {
    const family = createEnrollmentClient({ url: t.url, token: await parentToken(t, phones.decliner) });
    await family.applications.confirmSeat.mutate({ applicationId: ids.decliner, accept: false });
    expect(await lockOf(ids.decliner)).toMatchObject({ releasedAt: t.clock.now() });
    expect(await lockOf(ids.owner)).toMatchObject({ releasedAt: null });
    const [declined] = await t.host.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'seat_decline'), eq(auditLog.applicationId, ids.decliner)));
    expect(declined!.detail).toMatchObject({ releasedPropertyLock: expect.any(String) });
  });
});

describe('一房一位 after publication', () => {
  it('locks the property of a child placed by 统筹安排 through the property channel', async () => {
    expect(await lockOf(ids.unplaced)).toBeUndefined();
    await admin.admin.placement.assignSchool.mutate({ drawId, applicationId: ids.unplaced, schoolId: c.primary[1]!.id });
    expect(await lockOf(ids.unplaced)).toMatchObject({
      certificateKey: '湘(2018)桃江县不动产权第0001818号',
      schoolId: c.primary[1]!.id,
      lockedAt: t.clock.now(),
      lockedUntil: new Date('2030-08-20T09:00:00+08:00'),
    });
  });

  it('moves the lock with the child when an objection is upheld, keeping its dates', async () => {
    const before = (await lockOf(ids.owner))!;
    const elsewhere = c.primary.slice(0, 2).find((s) => s.id !== before.schoolId)!;
    const family = createEnrollmentClient({ url: t.url, token: await parentToken(t, phones.owner) });
    await family.applications.fileObjection.mutate({ applicationId: ids.owner, reason: '请核实我家房产所在片区的学校' });
    await admin.admin.createStaff.mutate({
      username: 'second-admin',
      displayName: '第二管理员',
      role: 'admin',
      password: 'Another-strong-passphrase-2024',
    });
    const { token } = await createEnrollmentClient({ url: t.url }).review.signIn.mutate({
      username: 'second-admin',
      password: 'Another-strong-passphrase-2024',
      session: 'token',
    });
    const second = createEnrollmentClient({ url: t.url, token: token! });
    const [objection] = await second.admin.placement.objections.query({ seasonId: c.region.season.id });
    await second.admin.placement.decideObjection.mutate({
      objectionId: objection!.id,
      outcome: 'upheld',
      reason: '核实后改为另一所学校',
      schoolId: elsewhere.id,
    });
    expect(await lockOf(ids.owner)).toMatchObject({
      schoolId: elsewhere.id,
      lockedAt: before.lockedAt,
      lockedUntil: before.lockedUntil,
      releasedAt: null,
    });
  });
});

describe('the lock years in the placement rules', () => {
  it('are edited with the rules, versioned: a stale version is refused, 13 years is out of range, the public page says the rule', async () => {
    const rules = await admin.admin.placement.rules.query({ seasonId: c.region.season.id });
    expect(rules.propertyLockYears).toBe(6);
    const shown = await t.client.catalog.placement.query({ regionId: c.region.id });
    expect(shown.propertyLockRule).toBe('通过房产入学的，该房产 6 年内不能再用于其他子女入学。');
    const change = { seasonId: c.region.season.id, tiers: [...rules.tiers!], mechanism: rules.mechanism };
    const done = await admin.admin.placement.updateRules.mutate({ ...change, version: rules.version, propertyLockYears: 8 });
    expect(done.version).toBe(rules.version + 1);
    expect((await admin.admin.placement.rules.query({ seasonId: c.region.season.id })).propertyLockYears).toBe(8);
    expect((await t.client.catalog.placement.query({ regionId: c.region.id })).propertyLockRule).toContain('8 年内');

    const stale = await refusal(admin.admin.placement.updateRules.mutate({ ...change, version: rules.version, propertyLockYears: 3 }));
    expect(stale).toMatchObject({ message: '派位规则已被他人修改，请刷新后再试', data: { code: 'CONFLICT' } });
    const tooMany = await refusal(admin.admin.placement.updateRules.mutate({ ...change, version: done.version, propertyLockYears: 13 }));
    expect(tooMany.data?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(tooMany.data)).toContain('房产锁定年限不能超过12年');
    const [audit] = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'placement_rules'));
    expect(audit!.detail).toMatchObject({ before: { propertyLockYears: 6 }, after: { propertyLockYears: 8 } });
    expect((await admin.admin.placement.rules.query({ seasonId: c.region.season.id })).propertyLockYears).toBe(8);
  });
});

describe('a later application claiming the locked property', () => {
  let later: { applicationId: string };
  let parent: EnrollmentClient;
  let county: EnrollmentClient;

  beforeAll(async () => {
    // The schools left without places for 统筹安排 take children again next year.
    await t.host.deps.db.update(schoolPlaces).set({ places: 40 }).where(eq(schoolPlaces.places, 0));
    const season2024 = (await admin.admin.seasons.query()).find((s) => s.code === '2024-autumn' && s.region === '桃花江镇')!;
    const copy = await admin.admin.copySeason.mutate({ fromSeasonId: season2024.id, code: '2025-autumn', name: '2025年秋季', years: 1 });
    const check = await admin.admin.checkSeason.query({ seasonId: copy.id });
    await admin.admin.publishSeason.mutate({ seasonId: copy.id, version: check.version });
    t.clock.set('2025-07-16T09:00:00+08:00');
    const c2025 = await catalogFor(t);
    parent = await signInParent(t, phones.owner);
    const sibling = {
      ...edgeCases.propertyOwner,
      child: { name: '郭晨阳', idNumber: residentId('20190310', '057', '430903'), birthDate: '2019-03-10', sex: 'male' as const },
    };
    later = await submitForFamily(t, parent, c2025, sibling, 'property', {
      propertyProof: 'certificate',
      propertyCertificateNumber: certificate,
      propertyAddress: sibling.address,
    });
    county = await signInStaff(t, 'county');
    await checksDone(county, later.applicationId);
  }, 60_000);

  it('is flagged in the reviewer’s detail with the earlier admission, the child’s name masked', async () => {
    const detail = await county.review.get.query({ applicationId: later.applicationId });
    const [earlier] = await t.host.deps.db.select({ number: applications.number }).from(applications).where(eq(applications.id, ids.owner));
    const school = (await lockOf(ids.owner))!.schoolId;
    const schoolName =
      c.primary.find((s) => s.id === school)?.name ??
      (await t.client.catalog.schools.query({ regionId: c.region.id })).find((s) => s.id === school)!.name;
    expect(detail.propertyLocks).toEqual([
      {
        text: `该房产已于 2024-08-20 用于 ${schoolName} 入学（郭*曦，报名编号 ${earlier!.number}），锁定至 2030-08-20`,
        lockedAt: new Date('2024-08-20T09:00:00+08:00').toISOString(),
        lockedUntil: new Date('2030-08-20T09:00:00+08:00').toISOString(),
      },
    ]);
    expect(detail.verification.checks.find((x) => x.claim === 'property')).toMatchObject({
      result: 'manual',
      summary: '该房产在一房一位锁定期内，已用于其他子女入学，需人工核验',
    });
    expect(JSON.stringify(detail)).not.toContain('郭晨曦');
  });

  it('carries a marker in the review queue, which filters on it', async () => {
    const flagged = await county.review.queue.query({ propertyLocked: true });
    expect(flagged.rows.map((r) => r.id)).toEqual([later.applicationId]);
    expect(flagged.rows[0]).toMatchObject({ propertyLocked: true });
    const all = await county.review.queue.query({ pageSize: 200 });
    expect(all.rows.find((r) => r.id === ids.owner)).toMatchObject({ propertyLocked: false });
  });

  it('tells the family only that its property is already used, nothing of the earlier admission', async () => {
    const view = await parent.applications.get.query({ applicationId: later.applicationId });
    expect(view.checks.find((x) => x.claim === 'property')).toMatchObject({
      result: 'manual',
      text: '该房产已用于其他子女入学，将由工作人员人工核对',
    });
    const [earlier] = await t.host.deps.db.select({ number: applications.number }).from(applications).where(eq(applications.id, ids.owner));
    expect(JSON.stringify(view)).not.toContain(earlier!.number);
    expect(JSON.stringify(view)).not.toContain('郭*曦');
  });

  it('does not flag the same child applying again with the same property', async () => {
    const { db } = t.host.deps;
    const [owner] = await db.select({ childId: applications.childId }).from(applications).where(eq(applications.id, ids.owner));
    const [laterRow] = await db
      .select({ childId: applications.childId })
      .from(applications)
      .where(eq(applications.id, later.applicationId));
    expect(owner!.childId).not.toBe(laterRow!.childId);
    const { lockedCertificates } = await import('../../src/services/property-locks');
    expect(await lockedCertificates(db, { childId: owner!.childId, keys: [certificate] }, t.clock.now())).toEqual([]);
    expect(await lockedCertificates(db, { childId: laterRow!.childId, keys: [certificate] }, t.clock.now())).toEqual([certificate]);
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, integrationKeys } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { publishedDraw } from '../helpers/placed';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;
let ownSchool: string;
let otherSchool: string;
const families: SeededApplication[] = [];
const hour = 3_600_000;

const system = (key: string) => createEnrollmentClient({ url: t.url, key });
const allScopes = ['catalog.read', 'placements.read', 'decisions.write', 'statistics.read'] as const;

async function newKey(name: string, options: Partial<Parameters<typeof admin.admin.integrationKeys.create.mutate>[0]> = {}) {
  return admin.admin.integrationKeys.create.mutate({ name, scopes: [...allScopes], schoolId: ownSchool, ...options });
}

/** Three families: placed at the school (confirmed), approved by the school, and approved at another school. */
beforeAll(async () => {
  t = await startTestHost({ now: '2024-08-20T09:00:00+08:00' });
  c = await catalogFor(t);
  admin = await signInStaff(t, 'admin');
  ownSchool = (await (await signInStaff(t, 'school')).review.me.query()).schoolId!;
  otherSchool = c.primary.find((s) => s.id !== ownSchool)!.id;
  const firstChoices = [ownSchool, ownSchool, otherSchool];
  for (const [i, school] of firstChoices.entries()) {
    const family = await parentWithApplication(t.host.deps.db, { phone: `1370000090${i}`, now: t.clock.now(), status: 'school_approved' });
    await t.host.deps.db
      .update(applications)
      .set({ firstSchoolId: school, community: c.community, form: { fatherName: `父亲${i}` } })
      .where(eq(applications.id, family.applicationId));
    families.push(family);
  }
  await publishedDraw(t.host.deps.db, {
    now: t.clock.now(),
    placed: [{ applicationId: families[0]!.applicationId, schoolId: ownSchool, confirmation: 'confirmed' }],
  });
});
afterAll(() => t?.close());

describe('integration keys', () => {
  it('shows the secret once, lists keys without it, and lets a system use it through createEnrollmentClient({ url, key })', async () => {
    const created = await newKey('学籍系统');
    expect(created.token).toMatch(/^ik_[a-z2-7]{20}_[A-Za-z0-9_-]{43}$/);
    const listed = await admin.admin.integrationKeys.list.query();
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(24));
    expect(listed.find((k) => k.id === created.id)).toMatchObject({
      name: '学籍系统',
      state: 'active',
      schoolId: ownSchool,
      perMinute: 600,
    });
    const [row] = await t.host.deps.db.select().from(integrationKeys).where(eq(integrationKeys.id, created.id));
    expect(row!.secretHash).not.toContain(created.token.slice(24));

    const key = system(created.token);
    expect(await key.integration.whoami.query()).toEqual({
      name: '学籍系统',
      scopes: [...allScopes],
      schoolId: ownSchool,
      expiresAt: null,
    });
    const catalog = await key.integration.schools.query();
    expect(catalog.seasons[0]!.schools.map((s) => s.id)).toEqual([ownSchool]);
    expect(catalog.seasons[0]!.schools[0]!.places.length).toBeGreaterThan(0);
    const stats = await key.integration.statistics.query();
    expect(stats.schools).toEqual([expect.objectContaining({ schoolId: ownSchool, total: 2 })]);
  });

  it('reads the school’s approved and placed applications with full names and masked ID numbers, audited with the key’s name', async () => {
    const created = await newKey('学籍系统-名单');
    const list = await system(created.token).integration.placements.query({ schoolId: ownSchool });
    expect(list.entries.map((e) => e.applicationId).sort()).toEqual([families[0]!.applicationId, families[1]!.applicationId].sort());
    const placed = list.entries.find((e) => e.applicationId === families[0]!.applicationId)!;
    expect(placed).toMatchObject({ childName: '测试儿童', idNumberMasked: '430922********0011', placed: true, confirmation: 'confirmed' });
    expect(list.entries.find((e) => e.applicationId === families[1]!.applicationId)).toMatchObject({ placed: false, confirmation: null });

    const audited = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.keyId, created.id));
    expect(audited.map((a) => a.action).sort()).toEqual(['confirmed_list', 'confirmed_list_row', 'confirmed_list_row']);
    for (const entry of audited)
      expect(entry).toMatchObject({ username: '学籍系统-名单', actorRole: 'key', actorSchoolId: ownSchool, staffId: null });

    const parent = createEnrollmentClient({ url: t.url, token: families[0]!.token });
    const { entries } = await parent.applications.accessLog.query({ applicationId: families[0]!.applicationId });
    expect(entries[0]).toMatchObject({ actionName: '查阅录取名单', roleName: '系统「学籍系统-名单」' });
  });

  it('refuses a key without the scope (FORBIDDEN) and a school-scoped key another school (FORBIDDEN)', async () => {
    const catalogOnly = await newKey('只读目录', { scopes: ['catalog.read'] });
    const error = await refusal(system(catalogOnly.token).integration.placements.query({ schoolId: ownSchool }));
    expect(error.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'KEY_SCOPE_MISSING' });
    const scoped = await newKey('本校系统');
    const other = await refusal(system(scoped.token).integration.placements.query({ schoolId: otherSchool }));
    expect(other.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'KEY_OTHER_SCHOOL' });
    const county = await newKey('全县系统', { schoolId: null });
    expect((await system(county.token).integration.placements.query({ schoolId: otherSchool })).entries).toHaveLength(1);
  });

  it('refuses sessions on integration procedures and keys on staff and parents’ procedures (UNAUTHORIZED)', async () => {
    const created = await newKey('只做集成');
    const session = createEnrollmentClient({ url: t.url, token: await staffToken(t, 'admin') });
    expect((await refusal(session.integration.whoami.query())).data?.code).toBe('UNAUTHORIZED');
    expect((await refusal(system(created.token).review.queue.query({}))).data?.code).toBe('UNAUTHORIZED');
    expect((await refusal(system(created.token).applications.list.query())).data?.code).toBe('UNAUTHORIZED');
    expect((await refusal(createEnrollmentClient({ url: t.url }).integration.whoami.query())).data?.code).toBe('UNAUTHORIZED');
  });

  it('keeps a rotated key’s old secret working during the overlap and not after', async () => {
    const created = await newKey('轮换系统');
    const rotated = await admin.admin.integrationKeys.rotate.mutate({ keyId: created.id, version: created.version, overlapHours: 2 });
    expect(rotated.token).not.toBe(created.token);
    expect((await system(created.token).integration.whoami.query()).name).toBe('轮换系统');
    expect((await system(rotated.token).integration.whoami.query()).name).toBe('轮换系统');
    t.clock.advance(2 * hour);
    try {
      expect((await refusal(system(created.token).integration.whoami.query())).data?.code).toBe('UNAUTHORIZED');
      expect((await system(rotated.token).integration.whoami.query()).name).toBe('轮换系统');
    } finally {
      t.clock.advance(-2 * hour);
    }
  });

  it('refuses a revoked key and an expired one (UNAUTHORIZED)', async () => {
    const created = await newKey('停用系统');
    await admin.admin.integrationKeys.revoke.mutate({ keyId: created.id, version: created.version });
    const revoked = await refusal(system(created.token).integration.whoami.query());
    expect(revoked.data).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'KEY_REVOKED' });
    const again = await refusal(admin.admin.integrationKeys.rotate.mutate({ keyId: created.id, version: created.version + 1 }));
    expect(again.data).toMatchObject({ code: 'CONFLICT', domainCode: 'KEY_CHANGED' });

    const expiring = await newKey('到期系统', { expiresAt: new Date(t.clock.now().getTime() + hour).toISOString() });
    expect((await system(expiring.token).integration.whoami.query()).expiresAt).not.toBeNull();
    t.clock.advance(hour);
    try {
      const expired = await refusal(system(expiring.token).integration.whoami.query());
      expect(expired.data).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'KEY_EXPIRED' });
    } finally {
      t.clock.advance(-hour);
    }
  });

  it('limits calls per key and minute (TOO_MANY_REQUESTS)', async () => {
    const created = await newKey('限流系统', { perMinute: 3 });
    const key = system(created.token);
    // Each call its own request (one client batches calls started together into one).
    for (let i = 0; i < 3; i++) await key.integration.whoami.query();
    const error = await refusal(key.integration.whoami.query());
    expect(error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(error.data?.retryAfterSeconds).toBeGreaterThan(0);
    // Another key has its own counter.
    expect((await system((await newKey('限流系统二')).token).integration.whoami.query()).name).toBe('限流系统二');
  });

  it('lets a key with decisions.write decide for its school, audited with the key', async () => {
    const family = await parentWithApplication(t.host.deps.db, {
      phone: '13700000999',
      now: t.clock.now(),
      status: 'preliminarily_approved',
    });
    await t.host.deps.db.update(applications).set({ firstSchoolId: ownSchool }).where(eq(applications.id, family.applicationId));
    const created = await newKey('学校审核系统');
    const done = await system(created.token).integration.decide.mutate({ applicationId: family.applicationId, action: 'school_approve' });
    expect(done.status).toBe('school_approved');
    const [entry] = await t.host.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.keyId, created.id), eq(auditLog.action, 'school_approve')));
    expect(entry).toMatchObject({ username: '学校审核系统', actorRole: 'key', applicationId: family.applicationId });
    const parent = createEnrollmentClient({ url: t.url, token: family.token });
    const { entries } = await parent.applications.accessLog.query({ applicationId: family.applicationId });
    expect(entries[0]).toMatchObject({ actionName: '学校审核通过', roleName: '系统「学校审核系统」' });
  });

  it('of two rotations at once, one wins and the other is told the key changed (CONFLICT)', async () => {
    const created = await newKey('并发轮换');
    const token = await staffToken(t, 'admin');
    const outcomes = await Promise.allSettled(
      racers(t.url, 2, token).map((client) => client.admin.integrationKeys.rotate.mutate({ keyId: created.id, version: created.version })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.data).toMatchObject({ code: 'CONFLICT', domainCode: 'KEY_CHANGED' });
    const rotations = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'integration_key_rotate'));
    expect(rotations.filter((r) => (r.detail as { keyId?: string }).keyId === created.id)).toHaveLength(1);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, schoolPlaces, seasonSchools } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import { parentWithApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { refusal } from '../helpers/refusal';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;

/** Five approved grade-1 applications of one community, all with the same two schools, the first one two seats. */
beforeAll(async () => {
  t = await startTestHost({ now: '2024-08-20T09:00:00+08:00' });
  c = await catalogFor(t);
  admin = await signInStaff(t, 'admin');
  const { db } = t.host.deps;
  const [first, second] = c.primary;
  const [offer] = await db.select().from(seasonSchools).where(eq(seasonSchools.schoolId, first!.id));
  await db.update(schoolPlaces).set({ places: 2 }).where(eq(schoolPlaces.seasonSchoolId, offer!.id));
  for (let i = 0; i < 5; i++) {
    const { applicationId } = await parentWithApplication(db, {
      phone: `1370000040${i}`,
      now: t.clock.now(),
      channel: i === 0 ? 'military' : 'hukou',
      status: 'school_approved',
    });
    await db
      .update(applications)
      .set({ community: c.community, firstSchoolId: first!.id, secondSchoolId: second!.id })
      .where(eq(applications.id, applicationId));
  }
});
afterAll(() => t?.close());

const run = () => admin.admin.placement.dryRun.mutate({ seasonId: c.region.season.id, entryId: c.entry('grade1').id, grade: 1 });

describe('模拟派位', () => {
  it('places the approved applications by tier then lottery under both mechanisms, with each school’s cutoff, writing nothing', async () => {
    const before = await t.host.deps.db.select().from(applications);
    const dry = await run();
    expect(dry.applicants).toBe(5);
    expect(dry.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(dry.results.map((r) => r.mechanism)).toEqual(['da', 'ia']);
    const first = dry.results[0]!.schools.find((s) => s.code === c.primary[0]!.code)!;
    expect(first).toMatchObject({ name: c.primary[0]!.name, seats: 2, admitted: 2 });
    // The military family (tier 1) is always in; the other seat goes to the best lottery number of tier 2 (户籍 in catchment).
    expect(first.cutoff?.tier).toBe(2);
    expect(first.applicantsPerTier).toEqual([
      { tier: 1, firstChoice: 1, secondChoice: 0 },
      { tier: 2, firstChoice: 4, secondChoice: 0 },
    ]);
    const second = dry.results[0]!.schools.find((s) => s.code === c.primary[1]!.code)!;
    expect(second.admitted).toBe(3);
    expect(dry.results[0]!.unplaced).toBe(0);
    expect(await t.host.deps.db.select().from(applications)).toEqual(before);
    expect(await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'placement_dry_run'))).toHaveLength(1);
  });

  it('draws a fresh throwaway seed each time', async () => {
    expect((await run()).seed).not.toBe((await run()).seed);
  });

  it('refuses an entry of another season, and county reviewers', async () => {
    const other = await catalogFor(t, 'huishangang');
    const wrong = await refusal(
      admin.admin.placement.dryRun.mutate({ seasonId: c.region.season.id, entryId: other.entry('grade1').id, grade: 1 }),
    );
    expect(wrong).toMatchObject({ data: { code: 'NOT_FOUND' }, message: '该招生季没有这个报名入口' });
    const county = await signInStaff(t, 'county');
    expect(
      (await refusal(county.admin.placement.dryRun.mutate({ seasonId: c.region.season.id, entryId: c.entry('grade1').id, grade: 1 }))).data
        ?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('学位预警', () => {
  const demand = (client: EnrollmentClient) =>
    client.admin.placement.seatDemand.query({ seasonId: c.region.season.id, entryId: c.entry('grade1').id, grade: 1 });

  it('compares each school’s places with its first-choice applications by tier; a school reviewer sees their own school', async () => {
    const county = await signInStaff(t, 'county');
    const first = (await demand(county)).schools.find((s) => s.schoolId === c.primary[0]!.id)!;
    expect(first).toMatchObject({
      seats: 2,
      firstChoices: 5,
      firstChoicesPerTier: [
        { tier: 1, count: 1 },
        { tier: 2, count: 4 },
      ],
      level: 'red',
      notice: null,
    });
    expect((await demand(county)).schools.find((s) => s.schoolId === c.primary[1]!.id)).toMatchObject({ firstChoices: 0, level: 'green' });
    const school = await signInStaff(t, 'school');
    expect((await demand(school)).schools.map((s) => s.name)).toEqual(['桃江县实验小学']);
  });

  it('is published to parents on the school’s card, audited, and taken down; a stale version is told to reload', async () => {
    const first = (await demand(admin)).schools.find((s) => s.schoolId === c.primary[0]!.id)!;
    const notice = '第一志愿报名已超过计划学位，请合理填报志愿。';
    const done = await admin.admin.placement.demandNotice.mutate({
      seasonId: c.region.season.id,
      schoolId: first.schoolId,
      version: first.version,
      notice,
    });
    const shown = await t.client.catalog.schools.query({ regionId: c.region.id });
    expect(shown.find((s) => s.id === first.schoolId)?.demandNotice).toBe(notice);
    const stale = await refusal(
      admin.admin.placement.demandNotice.mutate({
        seasonId: c.region.season.id,
        schoolId: first.schoolId,
        version: first.version,
        notice: null,
      }),
    );
    expect(stale.data?.code).toBe('CONFLICT');
    await admin.admin.placement.demandNotice.mutate({
      seasonId: c.region.season.id,
      schoolId: first.schoolId,
      version: done.version,
      notice: '',
    });
    expect((await t.client.catalog.schools.query({ regionId: c.region.id })).find((s) => s.id === first.schoolId)?.demandNotice).toBeNull();
    const audits = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'seat_demand_notice'));
    expect(audits.map((a) => (a.detail as { after: string | null }).after)).toEqual([notice, null]);
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, applications, auditLog, placements } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { racers } from '../helpers/racers';
import { parentToken } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { drawRoundOne } from '../helpers/round-one';
import { staffToken } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;

/** Four approved applications for two one-seat schools: two are left for 统筹安排. */
beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  c = await catalogFor(t);
  const round = await drawRoundOne(t, c, '1370000070');
  admin = round.admin;
  const drawn = { id: round.drawId };
  await admin.admin.placement.publishResults.mutate({ drawId: drawn.id });
});
afterAll(() => t?.close());

describe('统筹安排', () => {
  it('lists the applications no choice admitted, with the schools that still have seats', async () => {
    const unplaced = await admin.admin.placement.unplaced.query({ seasonId: c.region.season.id });
    expect(unplaced).toHaveLength(2);
    const names = unplaced[0]!.suggestions.map((s) => s.name);
    expect(names).not.toContain(c.primary[0]!.name);
    expect(names).not.toContain(c.primary[1]!.name);
    expect(unplaced[0]!.suggestions.every((s) => s.left > 0)).toBe(true);
  });

  it('places one at a school with seats, once, audited; a full school is refused', async () => {
    const [first, second] = await admin.admin.placement.unplaced.query({ seasonId: c.region.season.id });
    const full = await refusal(
      admin.admin.placement.assignSchool.mutate({ drawId: first!.drawId, applicationId: first!.applicationId, schoolId: c.primary[0]!.id }),
    );
    expect(full).toMatchObject({ message: `「${c.primary[0]!.name}」已没有剩余学位`, data: { code: 'CONFLICT' } });
    const target = first!.suggestions[0]!;
    const token = await staffToken(t, 'admin');
    const results = await Promise.allSettled(
      racers(t.url, 2, token).map((r) =>
        r.admin.placement.assignSchool.mutate({ drawId: first!.drawId, applicationId: first!.applicationId, schoolId: target.schoolId }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await t.host.deps.db
      .select()
      .from(placements)
      .where(and(eq(placements.drawId, first!.drawId), eq(placements.applicationId, first!.applicationId)));
    expect(row!.schoolId).toBe(target.schoolId);
    expect(await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'placement_assign'))).toHaveLength(1);
    expect((await admin.admin.placement.unplaced.query({ seasonId: c.region.season.id })).map((u) => u.applicationId)).toEqual([
      second!.applicationId,
    ]);
  });

  it('offers a seat a family gave up to those still unplaced', async () => {
    const { db } = t.host.deps;
    const [holder] = await db
      .select({ applicationId: placements.applicationId, phone: accounts.phone })
      .from(placements)
      .innerJoin(applications, eq(applications.id, placements.applicationId))
      .innerJoin(accounts, eq(accounts.id, applications.accountId))
      .where(eq(placements.schoolId, c.primary[0]!.id));
    const family = createEnrollmentClient({ url: t.url, token: await parentToken(t, holder!.phone) });
    const before = (await admin.admin.placement.unplaced.query({ seasonId: c.region.season.id }))[0]!;
    expect(before.suggestions.map((s) => s.schoolId)).not.toContain(c.primary[0]!.id);
    await family.applications.confirmSeat.mutate({ applicationId: holder!.applicationId, accept: false });
    const after = (await admin.admin.placement.unplaced.query({ seasonId: c.region.season.id }))[0]!;
    expect(after.suggestions.find((s) => s.schoolId === c.primary[0]!.id)).toMatchObject({ left: 1, servesCommunity: true });
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placements } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { racers } from '../helpers/racers';
import { drawRoundOne } from '../helpers/round-one';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;
let roundOne: string;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  c = await catalogFor(t);
  ({ admin, drawId: roundOne } = await drawRoundOne(t, c, '1370000090'));
  await admin.admin.placement.publishResults.mutate({ drawId: roundOne });
  t.clock.set('2024-08-27T09:00:01+08:00');
  admin = await signInStaff(t, 'admin');
});
afterAll(() => t?.close());

describe('第二轮派位 against 统筹安排 at the same moment', () => {
  it('never places a child both ways: either the assignment is counted by round 2, or one of them writes nothing', async () => {
    const [first] = await admin.admin.placement.unplaced.query({ seasonId: c.region.season.id });
    const target = first!.suggestions[0]!;
    const [runner, assigner] = racers(t.url, 2, await staffToken(t, 'admin'));
    const [run, assign] = await Promise.allSettled([
      runner!.admin.placement.secondRound.mutate({ drawId: roundOne }),
      assigner!.admin.placement.assignSchool.mutate({ drawId: roundOne, applicationId: first!.applicationId, schoolId: target.schoolId }),
    ]);
    const rows = await t.host.deps.db.select().from(placements).where(eq(placements.applicationId, first!.applicationId));
    const assigned = rows.some((r) => r.drawId === roundOne && r.schoolId === target.schoolId);
    const inRoundTwo = rows.some((r) => r.drawId !== roundOne);
    expect(assigned && inRoundTwo).toBe(false);
    expect(assign.status === 'fulfilled').toBe(assigned);
    if (run.status === 'rejected') {
      expect(run.reason).toMatchObject({ message: '统筹安排刚有变动，请刷新后再进行第二轮派位', data: { code: 'CONFLICT' } });
      expect(assigned).toBe(true);
    } else {
      expect(inRoundTwo).toBe(!assigned);
    }
    const [roundOneRow] = await t.host.deps.db
      .select()
      .from(placements)
      .where(and(eq(placements.drawId, roundOne), eq(placements.applicationId, first!.applicationId)));
    expect(roundOneRow!.schoolId).toBe(assigned ? target.schoolId : null);
  });
});

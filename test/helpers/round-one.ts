import { eq } from 'drizzle-orm';
import { applications, schoolPlaces, seasonSchools } from '../../db/schema';
import type { ManualClock } from '../../src/adapters/clock';
import { commitmentOf } from '../../src/domain/placement/lottery';
import { parentWithApplication } from './applications-db';
import type { TestHost } from './host';
import type { Catalog } from './journey';
import { signInStaff } from './staff';

const secrets: Record<string, string> = { 甲: 'observer-one-1234567890', 乙: 'observer-two-0987654321' };

/**
 * Round 1 of grade 1, drawn (not published) on a host started at 2024-07-20: two observers commit, the catalog's first
 * two primary schools get one seat each, four approved applications (phones `${phonePrefix}0`…`3`) choose them in
 * that order, the clock moves past the close (2024-08-20) and the observers reveal. Two are left unplaced.
 */
export async function drawRoundOne(t: Pick<TestHost, 'host' | 'url' | 'client' | 'clock'>, c: Catalog, phonePrefix: string) {
  const { db } = t.host.deps;
  let admin = await signInStaff(t as TestHost, 'admin');
  for (const [name, secret] of Object.entries(secrets)) {
    await admin.admin.placement.recordCommitment.mutate({
      seasonId: c.region.season.id,
      name,
      role: '监督人',
      commitment: await commitmentOf(secret),
    });
  }
  for (const school of [c.primary[0]!, c.primary[1]!]) {
    const [offer] = await db.select().from(seasonSchools).where(eq(seasonSchools.schoolId, school.id));
    await db.update(schoolPlaces).set({ places: 1 }).where(eq(schoolPlaces.seasonSchoolId, offer!.id));
  }
  (t.clock as ManualClock).set('2024-08-20T09:00:00+08:00');
  admin = await signInStaff(t as TestHost, 'admin');
  const applicationIds: string[] = [];
  for (let i = 0; i < 4; i++) {
    const { applicationId } = await parentWithApplication(db, {
      phone: `${phonePrefix}${i}`,
      now: t.clock.now(),
      status: 'school_approved',
    });
    await db
      .update(applications)
      .set({ community: c.community, firstSchoolId: c.primary[0]!.id, secondSchoolId: c.primary[1]!.id })
      .where(eq(applications.id, applicationId));
    applicationIds.push(applicationId);
  }
  const { observers } = await admin.admin.placement.observers.query({ seasonId: c.region.season.id });
  for (const o of observers) await admin.admin.placement.reveal.mutate({ observerId: o.id, contribution: secrets[o.name]! });
  const drawn = await admin.admin.placement.draw.mutate({ seasonId: c.region.season.id, entryId: c.entry('grade1').id, grade: 1 });
  return { admin, drawId: drawn.id, applicationIds };
}

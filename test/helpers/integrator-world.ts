import { eq } from 'drizzle-orm';
import { applications } from '../../db/schema';
import { parentWithApplication } from './applications-db';
import type { TestHost } from './host';
import { catalogFor } from './journey';
import { publishedDraw } from './placed';
import { signInStaff } from './staff';

export interface IntegratorWorld {
  /** The demo school reviewer's school: three families placed there by a published draw. */
  school: string;
  schoolName: string;
  otherSchool: string;
  seasonId: string;
  seasonName: string;
  /** The application numbers placed at `school`. */
  placedNumbers: string[];
  /** An application naming `school` first, 初审通过, waiting for the school's decision. */
  awaitingSchool: string;
}

/** A season with a published draw: what a 学籍 system reads through its key. */
export async function integratorWorld(t: TestHost, phonePrefix: string): Promise<IntegratorWorld> {
  const db = t.host.deps.db;
  const c = await catalogFor(t);
  const me = await (await signInStaff(t, 'school')).review.me.query();
  const school = me.schoolId!;
  const schools = await t.client.catalog.schools.query({ regionId: c.region.id, level: 'primary' });
  const schoolName = schools.find((s) => s.id === school)!.name;
  const otherSchool = c.primary.find((s) => s.id !== school)!.id;
  const placed: string[] = [];
  for (let i = 0; i < 3; i++) {
    const family = await parentWithApplication(db, { phone: `${phonePrefix}${i}`, now: t.clock.now(), status: 'school_approved' });
    await db
      .update(applications)
      .set({ community: c.community, firstSchoolId: school, form: { fatherName: `父亲${i}` } })
      .where(eq(applications.id, family.applicationId));
    placed.push(family.applicationId);
  }
  await publishedDraw(db, { now: t.clock.now(), placed: placed.map((applicationId) => ({ applicationId, schoolId: school })) });
  const waiting = await parentWithApplication(db, { phone: `${phonePrefix}9`, now: t.clock.now(), status: 'preliminarily_approved' });
  await db.update(applications).set({ community: c.community, firstSchoolId: school }).where(eq(applications.id, waiting.applicationId));
  const numbers = await db.select({ id: applications.id, number: applications.number }).from(applications);
  return {
    school,
    schoolName,
    otherSchool,
    seasonId: c.region.season.id,
    seasonName: c.region.season.name,
    placedNumbers: numbers.filter((n) => placed.includes(n.id)).map((n) => n.number),
    awaitingSchool: waiting.applicationId,
  };
}

let keys = 0;

/** A new integration key made by the demo administrator through the desk's procedure: its `ik_…` token. */
export async function integrationKey(t: TestHost, scopes: string[], schoolId: string | null = null): Promise<string> {
  keys += 1;
  const admin = await signInStaff(t, 'admin');
  const created = await admin.admin.integrationKeys.create.mutate({ name: `测试系统${keys}`, scopes: scopes as never, schoolId });
  return created.token;
}

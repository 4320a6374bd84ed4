import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog } from '../../db/schema';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { publishedDraw } from '../helpers/placed';
import { refusal } from '../helpers/refusal';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let ownSchool: string;
let otherSchool: string;
const families: SeededApplication[] = [];

/** Four placed families: three at the demo school reviewer's school (confirmed, not yet answered, declined), one elsewhere. */
beforeAll(async () => {
  t = await startTestHost({ now: '2024-08-20T09:00:00+08:00' });
  c = await catalogFor(t);
  ownSchool = (await (await signInStaff(t, 'school')).review.me.query()).schoolId!;
  otherSchool = c.primary.find((s) => s.id !== ownSchool)!.id;
  for (let i = 0; i < 4; i++) {
    const family = await parentWithApplication(t.host.deps.db, { phone: `1370000080${i}`, now: t.clock.now(), status: 'school_approved' });
    await t.host.deps.db
      .update(applications)
      .set({ community: c.community, form: { fatherName: `父亲${i}`, motherName: `母亲${i}` } })
      .where(eq(applications.id, family.applicationId));
    families.push(family);
  }
  await publishedDraw(t.host.deps.db, {
    now: t.clock.now(),
    placed: [
      { applicationId: families[0]!.applicationId, schoolId: ownSchool, confirmation: 'confirmed' },
      { applicationId: families[1]!.applicationId, schoolId: ownSchool },
      { applicationId: families[2]!.applicationId, schoolId: ownSchool, confirmation: 'declined' },
      { applicationId: families[3]!.applicationId, schoolId: otherSchool, confirmation: 'confirmed' },
    ],
  });
});
afterAll(() => t?.close());

const numberOf = async (i: number) =>
  (await t.host.deps.db.select({ n: applications.number }).from(applications).where(eq(applications.id, families[i]!.applicationId)))[0]!.n;

describe('录取名单', () => {
  it('gives a school reviewer the applications placed at their school, with each family’s answer, audited', async () => {
    const school = await signInStaff(t, 'school');
    const list = await school.review.confirmedList.query({});
    expect(list.school?.id).toBe(ownSchool);
    expect(list.schools).toEqual([{ id: ownSchool, name: expect.any(String) }]);
    expect(list.season).toMatchObject({ id: c.region.season.id });
    expect(list.entries.map((e) => e.confirmation)).toEqual(expect.arrayContaining(['confirmed', 'pending', 'declined']));
    expect(list.entries).toHaveLength(3);
    const first = list.entries.find((e) => e.confirmation === 'confirmed')!;
    expect(first).toEqual({
      childName: '测试儿童',
      sex: 'male',
      birthDate: '2018-03-01',
      idNumberMasked: '430922********0011',
      guardianName: '父亲0',
      guardianPhone: '13700000800',
      number: await numberOf(0),
      channel: expect.any(String),
      community: c.community,
      confirmation: 'confirmed',
    });
    const audited = await t.host.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'confirmed_list'), eq(auditLog.username, 'school')));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).toEqual({ schoolId: ownSchool, seasonId: c.region.season.id, rows: 3 });
  });

  it('refuses a school reviewer another school’s list (FORBIDDEN) and writes no audit entry for it', async () => {
    const school = await signInStaff(t, 'school');
    const other = await refusal(school.review.confirmedList.query({ schoolId: otherSchool }));
    expect(other).toMatchObject({ message: '只能查看本校的录取名单', data: { code: 'FORBIDDEN' } });
    const audited = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'confirmed_list'));
    expect(audited).toHaveLength(1);
  });

  it('lets the county and administrators pick any school', async () => {
    const county = await signInStaff(t, 'county');
    const other = await county.review.confirmedList.query({ schoolId: otherSchool });
    expect(other.entries.map((e) => e.number)).toEqual([await numberOf(3)]);
    const admin = await signInStaff(t, 'admin');
    const any = await admin.review.confirmedList.query({});
    expect(any.schools.map((s) => s.id).sort()).toEqual([ownSchool, otherSchool].sort());
    expect(any.entries.length).toBeGreaterThan(0);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, staff } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let county: EnrollmentClient;
let school: EnrollmentClient;
let seq = 700;
let phones = 0;
const newParent = () => signInParent(t, `137${String(50_000_000 + phones++).slice(-8)}`);
const demoSchoolName = '桃江县实验小学';

/** A submitted application naming the demo school reviewer's school first. */
async function submitted() {
  const parent = await newParent();
  const demo = c.primary.find((s) => s.name === demoSchoolName)!;
  const other = c.primary.find((s) => s.name !== demoSchoolName)!;
  const { applicationId, version } = await readyToSubmit(t, parent, c, '20180120', String(seq++), [demo.id, other.id]);
  await parent.applications.submit.mutate({ applicationId, version });
  return { applicationId, parent, version: version + 1 };
}

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  [county, school] = await Promise.all([signInStaff(t, 'county'), signInStaff(t, 'school')]);
});
afterAll(() => t?.close());

describe('查阅记录: who viewed my file', () => {
  it("shows a school reviewer's opening and ID reveal at once, with role and school and no name", async () => {
    const { applicationId, parent } = await submitted();
    expect((await parent.applications.accessLog.query({ applicationId })).entries).toEqual([]);
    await school.review.get.query({ applicationId });
    await school.review.revealId.mutate({ applicationId, field: 'child' });
    // The parent's own reveal is not staff access and is not listed.
    await parent.applications.revealId.mutate({ applicationId, field: 'father' });

    const { entries } = await parent.applications.accessLog.query({ applicationId });
    expect(entries.map((e) => [e.action, e.actionName, e.roleName, e.schoolName])).toEqual([
      ['reveal_id', '查看完整证件号码', '学校审核员', demoSchoolName],
      ['view', '查看报名详情', '学校审核员', demoSchoolName],
    ]);
    const text = JSON.stringify(entries);
    for (const personal of ['school', '学校审核员（演示）']) expect(text).not.toContain(`"${personal}"`);
    expect(text).not.toContain('（演示）');
    expect(Object.keys(entries[0]!).sort()).toEqual(['action', 'actionName', 'at', 'id', 'roleName', 'schoolName']);

    const recorded = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.applicationId, applicationId));
    const demoSchoolId = c.primary.find((s) => s.name === demoSchoolName)!.id;
    for (const action of ['view', 'reveal_id']) {
      expect(recorded.find((r) => r.action === action)).toMatchObject({ actorRole: 'school_reviewer', actorSchoolId: demoSchoolId });
    }
  });

  it('lists decisions and exports, the county without a school', async () => {
    const { applicationId, parent, version } = await submitted();
    await county.review.approve.mutate({ applicationId, version });
    const exported = await county.review.export.mutate({});
    expect(exported.rows).toBeGreaterThan(0);

    const { entries } = await parent.applications.accessLog.query({ applicationId });
    expect(entries.map((e) => [e.actionName, e.roleName, e.schoolName])).toEqual([
      ['导出（报名数据）', '教育局审核员', null],
      ['初审通过', '教育局审核员', null],
    ]);
  });

  it('shows an entry written before roles were recorded with the role the staff member has now', async () => {
    const { applicationId, parent } = await submitted();
    const [member] = await t.host.deps.db.select().from(staff).where(eq(staff.username, 'school'));
    await t.host.deps.db.insert(auditLog).values({
      id: 'before-roles-1',
      at: new Date('2024-07-16T01:30:00Z'),
      staffId: member!.id,
      username: 'school',
      action: 'view',
      applicationId,
    });
    const { entries } = await parent.applications.accessLog.query({ applicationId });
    expect(entries).toEqual([
      {
        id: 'before-roles-1',
        at: '2024-07-16T01:30:00.000Z',
        action: 'view',
        actionName: '查看报名详情',
        roleName: '学校审核员',
        schoolName: demoSchoolName,
      },
    ]);
  });

  it("answers NOT_FOUND for another family's application", async () => {
    const { applicationId } = await submitted();
    const other = await newParent();
    const error = await refusal(other.applications.accessLog.query({ applicationId }));
    expect(error.data?.code).toBe('NOT_FOUND');
  });
});

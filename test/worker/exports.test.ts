import { eq } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/universal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, children, schools } from '../../db/schema';
import { seedDemoStaff } from '../../db/seed/demo-staff';
import { createVault } from '../../src/adapters/vault';
import { createEnrollmentClient } from '../../src/client';
import { exportColumns } from '../../src/domain/placement/confirmed-export';
import { parentWithApplication } from '../helpers/applications-db';
import { publishedDraw } from '../helpers/placed';
import { startWorkerStack, workerDataKey } from '../helpers/worker-stack';

const now = '2024-08-20T09:00:00+08:00';

/** The 录取名单 export is made in the staff Worker: the main Worker hands `/api/exports/` to it (decision 027). */
describe('a school’s 录取名单 as XLSX from the staff Worker', () => {
  let stack: Awaited<ReturnType<typeof startWorkerStack<{ schoolId: string; number: string }>>>;

  beforeAll(async () => {
    stack = await startWorkerStack({
      now,
      prepare: async (db) => {
        await seedDemoStaff(db, new Date(now));
        const vault = await createVault(workerDataKey);
        const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.code, 'shiyan-primary'));
        const family = await parentWithApplication(db, { phone: '13700000950', now: new Date(now), status: 'school_approved' });
        const [row] = await db
          .update(applications)
          .set({ form: { fatherName: '欧阳军' } })
          .where(eq(applications.id, family.applicationId))
          .returning({ number: applications.number, childId: applications.childId });
        await db
          .update(children)
          .set({ idCipher: await vault.encrypt('430922201803010011') })
          .where(eq(children.id, row!.childId));
        await publishedDraw(db, { now: new Date(now), placed: [{ applicationId: family.applicationId, schoolId: school!.id }] });
        return { schoolId: school!.id, number: row!.number };
      },
    });
  });

  afterAll(() => stack?.stop());

  it('downloads a real workbook through the main Worker, with the full ID number for the school reviewer', async () => {
    const { token } = await createEnrollmentClient({ url: stack.url }).review.signIn.mutate({
      username: 'school',
      password: 'demo-school-2024',
      session: 'token',
    });
    const response = await fetch(`${stack.url}/api/exports/confirmed.xlsx?schoolId=${stack.prepared.schoolId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet] = (await readXlsxFile(await response.arrayBuffer())) as unknown as { sheet: string; data: unknown[][] }[];
    expect(sheet!.data[0]).toEqual([...exportColumns]);
    expect(sheet!.data[1]).toEqual(expect.arrayContaining(['测试儿童', '430922201803010011', '欧阳军', stack.prepared.number, '待确认']));
  });

  it('refuses a caller without a staff session', async () => {
    const response = await fetch(`${stack.url}/api/exports/confirmed.csv?schoolId=${stack.prepared.schoolId}`);
    expect(response.status).toBe(401);
  });
});

import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, test } from 'vitest';
import { applications, children, schools } from '../../db/schema';
import { exportColumns } from '../../src/domain/placement/confirmed-export';
import { parentWithApplication } from '../helpers/applications-db';
import { publishedDraw } from '../helpers/placed';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

const app = onPhone('2024-08-20T09:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

const header = ['姓名', '性别', '出生日期', '身份证件号', '监护人', '联系电话', '报名编号', '通道', '社区', '确认状态'];
/** The files come from the server, in the 学籍 import's columns, with the full ID number for a school reviewer. */
const fileHeader = [...exportColumns];
const fullId = '430922201803010011';

describe('录取名单', () => {
  test('a school reviewer reads the school’s placed children with 确认入学, filters them, and exports XLSX and CSV', async () => {
    const db = app.site().host.deps.db;
    const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.code, 'shiyan-primary'));
    // Three families placed at the reviewer's school: confirmed, not yet answered, declined. One guardian's name looks
    // like a formula, which neither file may run.
    const guardians = ['欧阳军', '=1+1', '李明'];
    const placed: { applicationId: string; schoolId: string; confirmation: 'confirmed' | 'declined' | null }[] = [];
    const numbers: string[] = [];
    for (const [i, confirmation] of (['confirmed', null, 'declined'] as const).entries()) {
      const { applicationId } = await parentWithApplication(db, {
        phone: `1370000090${i}`,
        now: app.testHost().clock.now(),
        status: 'school_approved',
      });
      const [row] = await db
        .update(applications)
        .set({ community: '资江社区', form: { fatherName: guardians[i] } })
        .where(eq(applications.id, applicationId))
        .returning({ number: applications.number, childId: applications.childId });
      await db
        .update(children)
        .set({ idCipher: await app.testHost().host.deps.vault.encrypt(fullId) })
        .where(eq(children.id, row!.childId));
      numbers.push(row!.number);
      placed.push({ applicationId, schoolId: school!.id, confirmation });
    }
    await publishedDraw(db, { now: app.testHost().clock.now(), placed });

    const desk = await app.openTab('desktop');
    const { page } = desk;
    try {
      await page.goto(app.url('/staff'));
      await signInOnDesk(page, 'school');
      await page.getByRole('navigation', { name: '审核系统导航' }).getByRole('link', { name: '录取名单' }).click();
      await shown(page.getByRole('heading', { name: '录取名单', level: 1 }));
      await shown(page.getByText('共 3 人'));
      const table = page.getByRole('table');
      expect(await table.getByRole('columnheader').allTextContents()).toEqual(header);
      await shown(
        table.getByRole('row', {
          name: new RegExp(`^测试儿童 男 2018-03-01 430922\\*{8}0011 欧阳军 13700000900 ${numbers[0]} .+ 资江社区 已确认$`),
        }),
      );
      await expectAccessible(page, '录取名单');
      await shot(page, 'confirmed-list');

      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 XLSX' }).click()]);
      expect(xlsx.suggestedFilename()).toMatch(/^录取名单-.+-.+\.xlsx$/);
      const bytes = readFileSync((await xlsx.path())!);
      const [sheet] = (await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))) as unknown as {
        sheet: string;
        data: unknown[][];
      }[];
      expect(sheet!.sheet).toBe('录取名单');
      expect(sheet!.data[0]).toEqual(fileHeader);
      expect(sheet!.data).toHaveLength(4);
      const byNumber = (n: string) => sheet!.data.find((r) => r[15] === n)!;
      expect(byNumber(numbers[0]!)).toEqual(
        expect.arrayContaining(['测试儿童', '男', '2018-03-01', fullId, '欧阳军', '13700000900', '已确认']),
      );
      expect(byNumber(numbers[1]!)[12]).toBe('=1+1');
      expect(byNumber(numbers[1]!)[16]).toBe('待确认');
      expect(byNumber(numbers[2]!)[16]).toBe('已放弃');
      await shown(page.getByRole('status').filter({ hasText: /^已导出 3 人：录取名单-.+\.xlsx$/ }));

      // Only the confirmed ones, as CSV.
      await page.getByLabel('确认状态').selectOption({ label: '已确认' });
      await shown(page.getByText('显示 1 人（共 3 人）'));
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
      expect(csv.suggestedFilename()).toMatch(/^录取名单-.+-.+\.csv$/);
      const raw = new Uint8Array(readFileSync((await csv.path())!));
      expect([...raw.subarray(0, 3)], 'UTF-8 with BOM, for Excel').toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(raw).split('\r\n');
      expect(lines).toEqual([
        fileHeader.join(','),
        expect.stringMatching(
          new RegExp(
            `^测试儿童,男,2018-03-01,居民身份证,${fullId},,一年级,[^,]+,[^,]*,资江社区,,,欧阳军,,13700000900,${numbers[0]},已确认$`,
          ),
        ),
        '',
      ]);

      // The family that has not answered, whose guardian's name looks like a formula: neutralised in the CSV.
      await page.getByLabel('确认状态').selectOption({ label: '待确认' });
      const [pending] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
      const pendingLines = new TextDecoder().decode(readFileSync((await pending.path())!)).split('\r\n');
      expect(pendingLines[1]).toContain(",'=1+1,");
      expect(desk.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

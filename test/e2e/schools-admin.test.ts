import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readImportFiles } from '../../src/import/school-file';
import { seededColumns } from '../helpers/school-files';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/schools/${name}`, import.meta.url));

describe('an administrator imports schools from a spreadsheet', () => {
  test('a file with errors lists every bad row with its number and writes nothing; the corrected file imports; a school is edited, removed and added back by hand', async () => {
    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fschools'));
      await signInOnDesk(page);
      await shown(page.getByRole('heading', { name: '学校管理', level: 1 }));
      await shown(page.getByRole('row', { name: /桃江县实验小学/ }));

      await page.getByLabel('选择文件').setInputFiles(fixture('bad.xlsx'));
      await page.getByRole('button', { name: '导入', exact: true }).click();
      await shown(page.getByRole('alert').filter({ hasText: '文件有 7 行有误，未导入任何数据' }));
      await shown(page.getByRole('row', { name: /学校 3 学校代码 学校代码「dup-primary」与第 2 行重复/ }));
      await shown(page.getByRole('row', { name: /单元格 G8 是公式/ }));
      await shown(page.getByRole('row', { name: /社区「不存在社区」不存在/ }));
      expect(await page.getByRole('row', { name: /重复小学甲/ }).count()).toBe(0);
      await shot(page, 'schools-import-errors');
      await expectAccessible(page, '学校管理（导入错误）');

      await page.getByLabel('选择文件').setInputFiles(fixture('good.xlsx'));
      await page.getByRole('button', { name: '导入', exact: true }).click();
      await shown(page.getByRole('status').filter({ hasText: '导入完成：新增学校 2 所，更新 1 所，新增社区 1 个' }));
      await shown(page.getByRole('row', { name: /xinqiao-primary 桃江县新桥小学/ }));
      await shown(page.getByRole('row', { name: /xinqiao-junior 桃江县新桥中学/ }).getByText('初中七年级新生·七年级 6×50'));
      await shown(page.getByRole('row', { name: /桃江县实验小学/ }).getByText('小学一年级新生·一年级 10×45'));
      expect(await page.getByRole('row', { name: /单元格 G8 是公式/ }).count()).toBe(0);

      // One school edited by hand: its places as classes × class size, then taken out of the season again.
      const xinqiao = page.getByRole('row', { name: /xinqiao-primary 桃江县新桥小学/ });
      await xinqiao.getByRole('button', { name: '编辑' }).click();
      await page.getByLabel('小学一年级新生·一年级学位').fill('9×40');
      await page.getByRole('checkbox', { name: '竹金村' }).uncheck();
      await expectAccessible(page, '学校管理（编辑学校）');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await shown(page.getByRole('status').filter({ hasText: '已保存「桃江县新桥小学」' }));
      await shown(xinqiao.getByText('小学一年级新生·一年级 9×40'));
      expect(await xinqiao.getByText('竹金村').count()).toBe(0);
      await xinqiao.getByRole('button', { name: '移除' }).click();
      await xinqiao.getByRole('button', { name: '确认从本招生季移除「桃江县新桥小学」' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已从本招生季移除「桃江县新桥小学」' }));
      expect(await page.getByRole('row', { name: /xinqiao-primary/ }).count()).toBe(0);

      // … and added back: the region keeps the school, the season offers it again with a new address.
      await page.getByRole('button', { name: '添加学校' }).click();
      await page.getByLabel('本区域已有的学校').selectOption({ label: 'xinqiao-primary · 桃江县新桥小学' });
      await page.getByLabel('地址').fill('桃江县桃花江镇新桥路99号');
      await page.getByLabel('小学一年级新生·一年级学位').fill('135');
      await page.getByRole('checkbox', { name: '新桥社区' }).check();
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await shown(page.getByRole('status').filter({ hasText: '已添加「桃江县新桥小学」' }));
      await shown(page.getByRole('row', { name: /xinqiao-primary 桃江县新桥小学 小学 桃江县桃花江镇新桥路99号/ }));

      // The season's template, made in the browser, reads back through the same reader with its example row.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'XLSX 模板' }).click()]);
      expect(download.suggestedFilename()).toBe('学校导入模板-2024年秋季.xlsx');
      const bytes = new Uint8Array(readFileSync((await download.path())!));
      const read = await readImportFiles([{ name: 'template.xlsx', bytes }], seededColumns);
      expect(read.errors).toEqual([]);
      expect(read.schools).toMatchObject([{ row: 2, code: 'example-primary', places: { 'grade1:1': '8×45' } }]);
      expect(read.communities.map((c) => c.name)).toContain('新桥社区');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../helpers/temp';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-09-01T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

/** A schools file as an administrator saves it from Excel: one new primary school, its catchment not yet decided. */
const files = tempDir('season-files');
afterAll(() => files.remove());
function schoolsCsv(): string {
  const path = join(files.path, '修山小学.csv');
  writeFileSync(
    path,
    '学校代码,学校名称,学段,地址,咨询电话,招生范围（社区）,小学一年级新生·一年级学位\n' +
      'xiushan-primary,桃江县修山小学,小学,桃江县桃花江镇修山路1号,0737-8829001,,4×45\n',
  );
  return path;
}

describe('an administrator prepares the 2025 season', () => {
  test('copies 2024, moves the window, moves a cut-off date, imports a school, fixes what the check lists, publishes; a parent on a phone sees 2025', async () => {
    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fseasons'));
      await signInOnDesk(page);
      await shown(page.getByRole('heading', { name: '招生季', level: 1 }));
      const row2024 = page.getByRole('row', { name: /2024年秋季/ }).filter({ hasText: '桃花江镇' });
      await row2024.getByRole('button', { name: '复制为新招生季' }).click();
      await shown(row2024.getByLabel('编号'));
      expect(await row2024.getByLabel('名称').inputValue()).toBe('2025年秋季');
      await row2024.getByRole('button', { name: '复制', exact: true }).click();
      await shown(page.getByRole('status').filter({ hasText: '已复制为草稿「2025年秋季」' }));
      await shown(
        page.getByText(
          '「小学一年级新生」报名时间：2024-07-15 00:00 至 2024-07-25 24:00（北京时间）；驳回后3天内可修改 → 2025-07-15 00:00 至 2025-07-25 24:00（北京时间）；驳回后3天内可修改',
        ),
      );
      const row2025 = page.getByRole('row', { name: /2025年秋季/ }).filter({ hasText: '桃花江镇' });
      await shown(row2025.getByText('草稿（家长不可见）'));

      // 报名时间: the 2025 grade-1 window opens five days earlier.
      await page.getByRole('link', { name: '报名时间' }).click();
      const window2025 = page.getByRole('row', { name: /桃花江镇 · 2025年秋季 · 小学一年级新生/ });
      await window2025.getByRole('button', { name: '修改' }).click();
      await page.getByLabel('开始时间', { exact: true }).fill('2025-07-10T00:00');
      await page.getByRole('button', { name: '保存' }).click();
      await shown(page.getByRole('status').filter({ hasText: '「小学一年级新生」报名时间已保存' }));
      await shown(window2025.getByText('2025-07-10 00:00'));

      // 报名通道: the hukou cut-off date of the 2025 grade-1 channel moves a month on.
      await page.getByRole('link', { name: '报名通道' }).click();
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2025年秋季（草稿）' });
      const grade1 = page.getByRole('region', { name: '小学一年级新生' });
      await grade1
        .getByRole('row', { name: /县城区常住户籍学生/ })
        .getByRole('button', { name: '编辑' })
        .click();
      const cutOff = grade1.getByLabel('截止日期（记录须早于此日）');
      expect(await cutOff.inputValue()).toBe('2025-03-01');
      await cutOff.fill('2025-04-01');
      await grade1.getByRole('button', { name: '保存' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已保存「县城区常住户籍学生」' }));

      // 学校管理: a new school from a spreadsheet, whose catchment nobody has set yet.
      await page.getByRole('link', { name: '学校管理' }).click();
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2025年秋季' });
      await shown(page.getByRole('row', { name: /桃江县实验小学/ }));
      await page.getByLabel('选择文件').setInputFiles(schoolsCsv());
      await page.getByRole('button', { name: '导入', exact: true }).click();
      await shown(page.getByRole('status').filter({ hasText: '导入完成：新增学校 1 所' }));

      // The check finds it; the school gets its catchment; the check passes; 发布.
      await page.getByRole('link', { name: '招生季' }).click();
      await row2025.getByRole('button', { name: '发布前检查' }).click();
      await shown(row2025.getByText('「桃江县修山小学」没有招生范围（社区）'));
      await shot(page, 'seasons-admin-problems');
      await page.getByRole('link', { name: '学校管理' }).click();
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2025年秋季' });
      await page
        .getByRole('row', { name: /xiushan-primary 桃江县修山小学/ })
        .getByRole('button', { name: '编辑' })
        .click();
      await page.getByRole('checkbox', { name: '竹金村' }).check();
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await shown(page.getByRole('status').filter({ hasText: '已保存「桃江县修山小学」' }));

      await page.getByRole('link', { name: '招生季' }).click();
      await row2025.getByRole('button', { name: '发布前检查' }).click();
      await shown(row2025.getByText('检查通过，可以发布。'));
      await shot(page, 'seasons-admin-draft-checked');
      await expectAccessible(page, '招生季');
      await row2025.getByRole('button', { name: '发布', exact: true }).click();
      await shown(page.getByRole('status').filter({ hasText: '「2025年秋季」已发布' }));
      await shown(row2025.getByText(/^已发布/));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }

    await app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      await shown(page.getByText('2025年秋季义务教育阶段入学报名'));
      await shown(page.getByText('2025-07-10 00:00 至 2025-07-25 24:00（北京时间）').first());
      await page.getByRole('link', { name: /^小学一年级新生/ }).click();
      await page.getByText('县城区常住户籍学生').first().click();
      await shown(page.getByText('须在 2025-04-01 之前取得').first());
      await page.goto(app.url('/'));
      await page.getByRole('link', { name: '学校与招生范围' }).click();
      await page.getByLabel('按社区筛选').selectOption('竹金村');
      await shown(page.getByText('桃江县修山小学'));
      await shown(page.getByText('计划学位 180 个').first());
      await shot(page, 'home-2025');
      expect(errors).toEqual([]);
    });
  });
});

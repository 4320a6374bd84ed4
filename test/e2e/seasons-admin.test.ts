import { describe, expect, test } from 'vitest';
import { demoStaff } from '../../db/seed/demo-staff';
import { expectAccessible } from './axe';
import { onPhone, shot, shown } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-09-01T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

describe('an administrator prepares the 2025 season', () => {
  test('copies 2024 into a draft with the dates a year on, checks it, publishes it, and a parent on a phone sees 2025', async () => {
    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fseasons'));
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill(demoStaff.find((s) => s.username === 'admin')!.password);
      await page.getByLabel('密码').press('Enter');
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
      await shown(page.getByText(/2025-07-15 00:00 至/).first());
      expect(errors).toEqual([]);
    });
  });
});

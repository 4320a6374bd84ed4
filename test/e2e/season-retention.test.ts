import { describe, expect, test } from 'vitest';
import { onPhone, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-09-01T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

describe('an administrator sets a season’s 保存期限', () => {
  test('saves a retention date for 2024 and previews what the purge would delete', async () => {
    const { page, errors } = await app.openTab('desktop');
    await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fseasons'));
    await signInOnDesk(page);
    await shown(page.getByRole('heading', { name: '招生季', level: 1 }));
    const row2024 = page.getByRole('row', { name: /2024年秋季/ }).filter({ hasText: '桃花江镇' });
    await row2024.getByRole('button', { name: '保存期限' }).click();
    await shown(row2024.getByText('未设保存期限'));
    await row2024.getByLabel('保存至（北京时间，当日零点起清理）').fill('2027-09-01');
    await row2024.getByRole('button', { name: '保存', exact: true }).click();
    await shown(page.getByRole('status').filter({ hasText: '保存期限已保存。' }));
    await shown(row2024.getByText('保存至 2027-09-01 00:00'));
    await row2024.getByRole('button', { name: '预览将清理的内容' }).click();
    await shown(row2024.getByText(/将精简 \d+ 份报名，删除 \d+ 份材料/));
    expect(errors).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoStaff } from '../../db/seed/demo-staff';
import { onPhone, shown } from './site';

// Before sign-in the staff pages ask who is signed in and get a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

const password = (username: string) => demoStaff.find((s) => s.username === username)!.password;

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password(username));
  await page.getByLabel('密码').press('Enter');
}

describe('the staff desk as nested routes', () => {
  test('a parent opening the platform downloads none of the staff desk', () =>
    app.inTab(async (page, errors) => {
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      await page.goto(app.url('/'));
      await shown(page.getByRole('heading', { level: 1 }).first());
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((url) => url.includes('staff'))).toEqual([]);
      expect(errors).toEqual([]);
    }));

  test('deep links sign in first and come back; a page beyond the role says so; an unknown address says 找不到', async () => {
    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff/audit'));
      await page.waitForURL(/\/staff\?from=%2Fstaff%2Faudit$/);
      await signIn(page, 'county');
      await page.waitForURL(/\/staff\/audit$/);
      await shown(page.getByText('您的角色无权查看此页面'));

      await page.goto(app.url('/staff/appeals/'));
      await shown(page.getByRole('heading', { name: '绑定申诉', level: 1 }));

      await page.goto(app.url('/staff/no-such-page'));
      await shown(page.getByText('找不到该页面或该报名'));
      await page.goto(app.url('/staff/applications/one/two'));
      await shown(page.getByText('找不到该页面或该报名'));

      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL(/\/staff$/);
      await page.goto(app.url('/staff?from=%2Fstaff%2Faccounts'));
      await signIn(page, 'admin');
      await page.waitForURL(/\/staff\/accounts$/);
      await shown(page.getByRole('heading', { name: '工作人员账号', level: 1 }));
      await page.getByRole('link', { name: '审计日志' }).click();
      await shown(page.getByRole('heading', { name: '审计日志', level: 1 }));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

import { count, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { auditLog } from '../../db/schema';
import { demoStaff } from '../../db/seed/demo-staff';
import { raiseSmsBudgetAlarm } from '../../src/services/alerts';
import { onPhone, shot, shown } from './site';

// Before sign-in the staff pages ask who is signed in and get a 401; the browser logs that failed load.
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const app = onPhone('2024-07-20T10:00:00+08:00', {
  desktop: true,
  ignoreFailedLoads: true,
  prepare: (site) => raiseSmsBudgetAlarm({ db: site.host.deps.db, log: quiet }, 2000, site.host.deps.clock.now()),
});

const password = (username: string) => demoStaff.find((s) => s.username === username)!.password;

describe('alarms on the staff desk', () => {
  test('an administrator sees the SMS-budget alarm above the queue and acknowledges it; a reviewer never sees it', async () => {
    const { page, errors } = await app.openTab('desktop');
    await page.goto(app.url('/staff'));
    await page.getByLabel('用户名').fill('county');
    await page.getByLabel('密码').fill(password('county'));
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL(/\/staff\/queue$/);
    await shown(page.getByRole('heading', { name: '报名审核', level: 1 }));
    expect(await page.getByRole('alert', { name: '系统告警' }).count()).toBe(0);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/staff$/);

    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(password('admin'));
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL(/\/staff\/queue$/);
    const banner = page.getByRole('alert', { name: '系统告警' });
    await shown(banner);
    await shown(banner.getByText(/验证码短信预算（2000条）已用完/));
    await shown(banner.getByText('发生于 2024-07-20 10:00'));
    await shot(page, 'staff-alerts-01-banner');

    await banner.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => page.getByRole('alert', { name: '系统告警' }).count()).toBe(0);
    const [row] = await app.site().host.deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'alert_acknowledge'));
    expect(row!.n).toBe(1);
    await page.reload();
    await shown(page.getByRole('heading', { name: '报名审核', level: 1 }));
    expect(await page.getByRole('alert', { name: '系统告警' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

import { count, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { auditLog, outbox } from '../../db/schema';
import { demoStaff } from '../../db/seed/demo-staff';
import { raiseSmsBudgetAlarm } from '../../src/services/alerts';
import { onPhone, shot, shown } from './site';

// Before sign-in the staff pages ask who is signed in and get a 401; the browser logs that failed load.
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const app = onPhone('2024-07-20T10:00:00+08:00', {
  desktop: true,
  ignoreFailedLoads: true,
  prepare: async (site) => {
    const { db, clock } = site.host.deps;
    await raiseSmsBudgetAlarm({ db, log: quiet }, 2000, clock.now());
    // A progress notice the provider refused for good, parked in the outbox as dead.
    await db.insert(outbox).values({
      id: 'deadletterssssssssss',
      idempotencyKey: 'application:deadletter-app:v2',
      phone: '13800138000',
      body: '报名进度更新：审核中',
      status: 'dead',
      attempts: 1,
      nextAttemptAt: clock.now(),
      createdAt: clock.now(),
      lastError: 'HTTP 400: number 138****8000 refused',
    });
  },
});

const password = (username: string) => demoStaff.find((s) => s.username === username)!.password;

describe('alarms and dead letters on the staff desk', () => {
  test('an administrator sees the SMS-budget alarm above the queue and acknowledges it, and resends a dead SMS; a reviewer sees neither', async () => {
    const { page, errors } = await app.openTab('desktop');
    await page.goto(app.url('/staff'));
    await page.getByLabel('用户名').fill('county');
    await page.getByLabel('密码').fill(password('county'));
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL(/\/staff\/queue$/);
    await shown(page.getByRole('heading', { name: '报名审核', level: 1 }));
    expect(await page.getByRole('alert', { name: '系统告警' }).count()).toBe(0);
    expect(await page.getByText(/发送失败的短信/).count()).toBe(0);
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

    // The outbox's dead letters: masked number, kind and redacted error; 重新发送 puts the row back to pending, audited.
    await page.getByText('发送失败的短信（1条）').click();
    const letter = page.getByRole('row').filter({ hasText: '138****8000' });
    await shown(letter);
    await shown(letter.getByText('报名进度'));
    await shown(letter.getByText('HTTP 400: number 138****8000 refused'));
    expect(await page.getByText('13800138000').count()).toBe(0);
    await shot(page, 'staff-alerts-02-dead-letters');
    await letter.getByRole('button', { name: '重新发送' }).click();
    await expect.poll(() => page.getByText(/发送失败的短信/).count()).toBe(0);
    const [retried] = await app.site().host.deps.db.select().from(outbox).where(eq(outbox.id, 'deadletterssssssssss'));
    expect(retried).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    const [retries] = await app.site().host.deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'dead_letter_retry'));
    expect(retries!.n).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { accounts } from '../../db/schema';
import { catalogFor, readyToSubmit } from '../helpers/journey';
import { onPhone, shot, shown } from './site';

const app = onPhone('2024-07-16T09:00:00+08:00', { ignoreFailedLoads: true });

describe('注销账号', () => {
  test('个人中心 names the application that keeps the account while it is with the bureau', async () => {
    const { client } = await app.signInOnPhone('13900000171');
    const t = app.testHost();
    const { applicationId, version } = await readyToSubmit(t, client, await catalogFor(t), '20180405', '171');
    await client.applications.submit.mutate({ applicationId, version });
    await app.inTab(async (page, errors) => {
      await page.goto(app.url('/me'));
      await page.getByRole('button', { name: '注销账号' }).click();
      await shown(page.getByText(/所在的招生季尚未结束，暂不能注销账号/));
      await expect(page.getByRole('button', { name: '确认注销' }).count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    });
  });

  test('says what is deleted and what is kept by law, then deletes the account and signs out', async () => {
    await app.signInOnPhone('13900000172');
    await app.inTab(async (page, errors) => {
      await page.goto(app.url('/me'));
      await shown(page.getByRole('heading', { name: '个人中心', level: 1 }));
      await page.getByRole('button', { name: '注销账号' }).click();
      await shown(page.getByRole('heading', { name: '注销账号', level: 2 }));
      await shown(page.getByRole('heading', { name: '将删除' }));
      await shown(page.getByRole('heading', { name: '依法保留' }));
      await shown(page.getByText('您没有需要保留的报名记录。'));
      await shot(page, 'account-deletion');
      await page.getByRole('button', { name: '确认注销' }).click();
      await page.waitForURL(app.url('/'));
      await shown(page.locator('header').getByRole('link', { name: '登录' }));
      expect(errors).toEqual([]);
    });
    const [account] = await app.site().host.deps.db.select().from(accounts).where(eq(accounts.phone, '13900000172'));
    expect(account).toBeUndefined();
  });
});

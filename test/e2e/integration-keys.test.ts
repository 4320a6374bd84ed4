import { describe, expect, test } from 'vitest';
import { createEnrollmentClient } from '../../src/client';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-16T09:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

describe('an administrator issues an integration key', () => {
  test('on 集成密钥 the secret is shown once with a warning, works for the system, and stops working once revoked', async () => {
    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fkeys'));
      await signInOnDesk(page);
      await shown(page.getByRole('heading', { name: '集成密钥', level: 1 }));
      await page.getByLabel('名称', { exact: true }).fill('学籍系统');
      await page.getByRole('checkbox', { name: '读取报名统计' }).check();
      await page.getByRole('button', { name: '新建密钥' }).click();

      await shown(page.getByRole('status').filter({ hasText: '已创建「学籍系统」' }));
      const secret = page.getByRole('textbox', { name: '请立即复制密钥' });
      await shown(secret);
      await shown(page.getByText('密钥只显示这一次'));
      await shown(page.getByRole('button', { name: '复制密钥' }));
      const token = await secret.inputValue();
      expect(token).toMatch(/^ik_/);
      await shot(page, 'integration-key-secret');
      await expectAccessible(page, '集成密钥');

      const key = createEnrollmentClient({ url: app.url(''), key: token });
      expect((await key.integration.whoami.query()).name).toBe('学籍系统');

      await page.getByRole('button', { name: '我已保存，关闭' }).click();
      expect(await secret.count()).toBe(0);
      // Never shown again: not in the list, not after a reload.
      await page.reload();
      await shown(page.getByRole('row', { name: /学籍系统/ }));
      expect(await page.getByText(token).count()).toBe(0);

      const row = page.getByRole('row', { name: /学籍系统/ });
      await row.getByRole('button', { name: '停用 学籍系统' }).click();
      await row.getByRole('button', { name: '确认停用 学籍系统' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已停用「学籍系统」' }));
      await shown(row.getByText('已停用'));
      await expect(key.integration.whoami.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { onPhone, shot, shown } from './site';

const app = onPhone('2024-07-16T09:00:00+08:00', { ignoreFailedLoads: true });

beforeAll(async () => {
  await app.signInOnPhone('13900000161');
});

describe('下载我的数据', () => {
  test('个人中心 downloads a ZIP holding the account’s data', async () => {
    await app.inTab(async (page, errors) => {
      await page.goto(app.url('/me'));
      await shown(page.getByRole('heading', { name: '个人中心', level: 1 }));
      const button = page.getByRole('button', { name: '下载我的数据' });
      await shown(button);
      await shot(page, 'my-data');
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toBe('my-data.zip');
      const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
      const data = JSON.parse(strFromU8(zip['my-data.json']!)) as { account: { phone: string } };
      expect(data.account.phone).toBe('13900000161');
      expect(errors).toEqual([]);
    });
  });
});

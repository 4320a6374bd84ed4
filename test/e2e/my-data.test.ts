import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { documents } from '../../db/schema';
import { catalogFor, readyToSubmit } from '../helpers/journey';
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

  test('a document the store cannot read is named in 说明.txt, and everything else still downloads', async () => {
    const { client } = await app.signInOnPhone('13900000163');
    const t = app.testHost();
    const { applicationId } = await readyToSubmit(t, client, await catalogFor(t), '20180406', '163');
    const { db, files } = app.site().host.deps;
    const rows = await db.select().from(documents).where(eq(documents.applicationId, applicationId));
    const broken = rows[0]!;
    // The store fails on this one document's bytes (as a changed or half-written object would).
    const read = files.get.bind(files);
    files.get = (key) => (key === broken.storageKey ? Promise.reject(new Error('stored bytes changed')) : read(key));
    try {
      await app.inTab(async (page, errors) => {
        await page.goto(app.url('/me'));
        const button = page.getByRole('button', { name: '下载我的数据' });
        await shown(button);
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), button.click()]);
        const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
        expect(strFromU8(zip['说明.txt']!)).toContain(broken.fileName);
        const data = JSON.parse(strFromU8(zip['my-data.json']!)) as { documents: { path: string | null }[] };
        expect(data.documents).toHaveLength(rows.length);
        const included = data.documents.filter((d) => d.path !== null);
        expect(included).toHaveLength(rows.length - 1);
        for (const d of included) expect(zip[d.path!]).toBeDefined();
        expect(errors).toEqual([]);
      });
    } finally {
      files.get = read;
    }
    // The host logged the unreadable document (and nothing else).
    const problems = app.site().problems.splice(0);
    expect(problems).toEqual([expect.stringContaining(`document ${broken.id} could not be read`)]);
  });
});

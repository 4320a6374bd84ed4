import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { catalogFor, readyToSubmit } from '../helpers/journey';
import { onPhone, shot, shown } from './site';

// No failed load is expected: a signed-in parent opening a link from a message gets no 400, 401 or 404.
const app = onPhone('2024-07-16T09:00:00+08:00');

const parentPhone = '13900000061';
let parent: EnrollmentClient;
let applicationId: string;
let entryId: string;

const testHost = () => app.testHost();

beforeAll(async () => {
  const t = testHost();
  const c = await catalogFor(t);
  entryId = c.entry('grade1').id;
  ({ client: parent } = await app.signInOnPhone(parentPhone));
  const ready = await readyToSubmit(t, parent, c, '20180315', '061');
  applicationId = ready.applicationId;
  await parent.applications.submit.mutate({ applicationId, version: ready.version });
  // The phone carries the parent's session as the sign-in page would have left it.
});

/** Opens `path` in a new tab, as a tap on a link in an SMS or a message would, and hands over what the API refused. */
async function coldOpen(path: string, check: (page: Page) => Promise<void>) {
  const { page, errors } = await app.openTab();
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/trpc/') && r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
  });
  try {
    await page.goto(app.url(path));
    await check(page);
    expect(await page.getByRole('heading', { name: '页面不存在' }).count()).toBe(0);
    await shot(page, `deep-link${path.replaceAll('/', '-').replace(/-[a-z2-7]{20}/g, '-id')}`);
  } finally {
    await page.close();
  }
  expect(refused, `${path}: the API refused nothing`).toEqual([]);
  expect(errors, `${path}: the page logged no errors`).toEqual([]);
}

describe('a signed-in parent on a fresh page load', () => {
  test('an entry opened cold asks for its channels on a URL of their own, which every family shares (decision 037)', async () => {
    const catalogAnswers: { url: string; cacheControl: string | null }[] = [];
    await coldOpen(`/entries/${entryId}`, async (page) => {
      page.on('response', (r) => {
        if (r.url().includes('/trpc/catalog.')) catalogAnswers.push({ url: r.url(), cacheControl: r.headers()['cache-control'] ?? null });
      });
      await page.reload();
      await shown(page.getByRole('heading', { level: 1 }).first());
    });
    const channels = catalogAnswers.find((a) => new URL(a.url).pathname === '/trpc/catalog.channels');
    expect(channels, 'catalog.channels went alone, not in a batch').toBeDefined();
    expect(new URL(channels!.url).searchParams.has('batch')).toBe(false);
    expect(channels!.cacheControl).toBe('public, max-age=1');
  });

  test("home → 报名进度查看和撤回 → the child opens the application's 报名进度", async () => {
    await coldOpen('/', async (page) => {
      await page.getByRole('link', { name: '报名进度查看和撤回' }).click();
      await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
      await page.getByRole('link', { name: /李小明/ }).click();
      await page.waitForURL(/\/progress$/);
      await shown(page.locator('.progress-card').getByText('审核中', { exact: true }));
    });
  });

  test("我的消息 (where every notice is kept) → 查看报名进度 of the submission notice opens the application's 报名进度", async () => {
    await coldOpen('/me/messages', async (page) => {
      await shown(page.getByRole('heading', { name: '我的消息', level: 1 }));
      const notice = page.locator('.message', { has: page.getByRole('heading', { name: '报名进度更新：审核中' }) });
      await notice.getByRole('link', { name: '查看报名进度' }).click();
      await page.waitForURL(/\/progress$/);
      await shown(page.locator('.progress-card').getByText('审核中', { exact: true }));
    });
  });

  test('我的孩子 (the link of the binding-appeal notices) lists the child', async () => {
    await coldOpen('/me/children', async (page) => {
      await shown(page.getByRole('heading', { name: '我的孩子', level: 1 }));
      await shown(page.getByText('李小明').first());
    });
  });

  test('报名进度 of all applications lists the child', async () => {
    await coldOpen('/applications', async (page) => {
      await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
      await shown(page.getByRole('link', { name: /李小明/ }));
    });
  });
});

describe('a signed-in parent opens a link from a message or SMS on a cold load', () => {
  test('every link 我的消息 holds opens its page in a new tab', async () => {
    let links: string[] = [];
    await coldOpen('/me/messages', async (page) => {
      await shown(page.getByRole('heading', { name: '报名进度更新：审核中' }));
      links = await page.locator('.message a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    });
    expect(links).toContain(`/applications/${applicationId}/progress`);
    for (const link of new Set(links)) {
      await coldOpen(link, async (page) => {
        await shown(page.locator('h1'));
      });
    }
  });

  test('报名进度 of the application (the link of every status message and SMS) shows its status', async () => {
    await coldOpen(`/applications/${applicationId}/progress`, async (page) => {
      await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
      await shown(page.locator('.progress-card').getByText('审核中', { exact: true }));
    });
  });
});

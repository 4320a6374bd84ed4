import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createDb } from '../../db/client';
import { devSms, outbox, pages as policyPages } from '../../db/schema';
import { renderPolicyMarkdown } from '../../src/render/policy-markdown';
import { smsNotice } from '../../src/services/outbox';
import { residentId } from '../helpers/identity';
import { codeFromInbox } from '../helpers/parents';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { refusal } from '../helpers/refusal';
import { startWranglerDev, type WranglerDev } from '../helpers/wrangler';
import { startWorkerStack } from '../helpers/worker-stack';
import { privacyNotice } from '../../src/domain/privacy-notice';

const indexHtml = readFileSync(new URL('../../web/dist/index.html', import.meta.url), 'utf8');
const windowText = '2024-07-15 00:00 至 2024-07-25 24:00（北京时间）';

describe('the Worker under wrangler dev, with sqld as its database', () => {
  let stack: Awaited<ReturnType<typeof startWorkerStack>>;
  let sqld: { url: string } | undefined;
  let worker: WranglerDev | undefined;
  let client: EnrollmentClient;
  let regionId: string;

  beforeAll(async () => {
    stack = await startWorkerStack({ now: '2024-07-20T10:00:00+08:00' });
    worker = stack.worker;
    sqld = { url: stack.sqldUrl };
    client = createEnrollmentClient({ url: worker.url });
    const regions = await client.catalog.regions.query();
    regionId = regions.find((r) => r.name === '桃花江镇')?.id ?? '';
  });

  afterAll(() => stack?.stop());

  it('lists 桃花江镇 among the regions a parent can choose', async () => {
    const regions = await client.catalog.regions.query();
    expect(regions.map((r) => r.name)).toContain('桃花江镇');
    expect(regions.find((r) => r.name === '桃花江镇')?.seasonName).toBe('2024年秋季');
  });

  it('shows the three entries of 桃花江镇 as open, with the window in Beijing time', async () => {
    const region = await client.catalog.region.query({ regionId });
    expect(region.entries.map((e) => e.code)).toEqual(['grade1', 'grade7', 'transfer']);
    for (const entry of region.entries) {
      expect(entry.window.state).toBe('open');
      expect(entry.window.text).toBe(windowText);
    }
  });

  it('marks the policy pages shareable for a second and answers a repeat from the isolate’s memory (decision 037)', async () => {
    const url = `${worker!.url}/trpc/catalog.pages?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { regionId } }))}`;
    const first = await fetch(url);
    const again = await fetch(url);
    expect(first.headers.get('cache-control')).toBe('public, max-age=1');
    expect(first.headers.get('age')).toBeNull();
    expect(again.headers.get('cache-control')).toBe('public, max-age=1');
    expect(again.headers.get('age')).toBe('1');
    expect(await again.text()).toBe(await first.text());
  });

  it('offers grade-7 pupils from town primary schools 7 channels and those from outside town 6', async () => {
    const region = await client.catalog.region.query({ regionId });
    const grade7 = region.entries.find((e) => e.code === 'grade7');
    const { tracks } = await client.catalog.channels.query({ entryId: grade7?.id ?? '' });
    expect(tracks.map((t) => [t.name, t.channels.length])).toEqual([
      ['县城小学毕业生', 7],
      ['非县城小学毕业生', 6],
    ]);
  });

  it('narrows the school list by level and by the community a family lives in', async () => {
    const junior = await client.catalog.schools.query({ regionId, level: 'junior' });
    expect(junior.length).toBe(4);
    expect(junior.every((s) => s.level === 'junior')).toBe(true);

    const servingShiniujiang = await client.catalog.schools.query({ regionId, level: 'primary', community: '石牛江村' });
    expect(servingShiniujiang.map((s) => s.name)).toEqual(['桃江县桃谷山小学', '桃江县桃花江镇石牛江完全小学']);
    expect(servingShiniujiang.every((s) => s.communities.includes('石牛江村'))).toBe(true);
  });

  it('publishes the policy, the manual, the FAQ and the declaration', async () => {
    const pages = await client.catalog.pages.query({ regionId });
    expect(pages.map((p) => p.slug)).toEqual(['policy', 'manual', 'faq', 'declaration']);
    expect(pages.every((p) => p.title.length > 0 && p.body.length > 0)).toBe(true);
  });

  it('renders a page stored without its HTML through the render Worker, exactly as the Node host renders it', async () => {
    const db = await createDb(sqld!.url);
    try {
      await db.update(policyPages).set({ html: null }).where(eq(policyPages.slug, 'faq'));
    } finally {
      db.$client.close();
    }
    const faq = (await client.catalog.pages.query({ regionId })).find((p) => p.slug === 'faq');
    expect(faq?.html).toBe(renderPolicyMarkdown(faq?.body ?? ''));
    expect(faq?.html).toContain('<h2>');
  });

  it('explains in Chinese that a malformed region id is wrong', async () => {
    const error = await refusal(client.catalog.region.query({ regionId: 'not-a-region' }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('区域编号格式不正确');
  });

  it('says a well-formed but unknown region does not exist', async () => {
    const error = await refusal(client.catalog.region.query({ regionId: 'abcdefghij234567klmn' }));
    expect(error.data?.code).toBe('NOT_FOUND');
    expect(error.message).toBe('找不到该区域');
  });

  it('reports itself healthy, with a reachable database and the clock set by ENROLL_NOW', async () => {
    const response = await fetch(`${worker?.url}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; database: string; now: string };
    expect(body).toMatchObject({ status: 'ok', database: 'ok' });
    expect(body.now.startsWith('2024-07-20T02:')).toBe(true);
  });

  it("sends the home page with the remembered town's catalog inside, as a data block the page reads instead of two round trips, and its first screen painted", async () => {
    const response = await fetch(`${worker?.url}/`, { headers: { cookie: `town=${regionId}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    const block = html.match(/<script type="application\/json" id="catalog-snapshot">(.*?)<\/script>/)?.[1];
    const snapshot = JSON.parse(block!) as { regions: { name: string }[]; region: { name: string; entries: unknown[] }; pages: unknown[] };
    expect(snapshot.regions.map((r) => r.name)).toEqual(['桃花江镇', '灰山港镇']);
    expect(snapshot.region.entries).toHaveLength(3);
    expect(snapshot.pages.length).toBeGreaterThan(0);
    const firstPaint = html.match(/<div id="app">(.*?)<\/div>\s*<noscript>/s)?.[1] ?? '';
    expect(firstPaint).toContain('<h1 class="hero-region">桃花江镇</h1><a class="hero-switch" href="/towns">切换乡镇</a>');
    expect(firstPaint.match(/class="entry-desc"/g)).toHaveLength(3);
    expect(html.replace(/<script type="application\/json" id="catalog-snapshot">.*?<\/script>/, '').replace(firstPaint, '')).toBe(
      indexHtml,
    );
  });

  it('opens a deep link such as /some/deep/link with the web app', async () => {
    const response = await fetch(`${worker?.url}/some/deep/link`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toBe(indexHtml);
  });

  it('signs a parent in with a code from the dev inbox, binds a child and lights the red dot', async () => {
    const phone = '13512345678';
    await client.auth.requestCode.mutate({ phone });
    const code = await codeFromInbox({ client }, phone);
    const { token } = await client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
    const parent = createEnrollmentClient({ url: worker!.url, token: token! });
    const child = await parent.children.add.mutate({ name: '周小宇', idType: 'resident', idNumber: residentId('20180301', '015') });
    expect(child.idNumberMasked).toMatch(/^430922\*{8}\d{3}[\dX]$/);
    expect(await parent.messages.unreadCount.query()).toEqual({ count: 1 });
  });

  it('delivers, on the Cron Trigger, an SMS that is due but was never sent', async () => {
    const db = await createDb(sqld!.url);
    const due = new Date('2024-07-20T09:00:00+08:00');
    await db.batch([smsNotice(db, { idempotencyKey: 'worker-sweep-test', phone: '13612345678', body: '【测试】到期短信', now: due })]);
    const response = await fetch(`${worker?.url}/__scheduled?cron=*+*+*+*+*`);
    expect(response.status).toBe(200);
    await expect
      .poll(async () => (await db.select().from(outbox).where(eq(outbox.idempotencyKey, 'worker-sweep-test')))[0]?.status, {
        timeout: 10_000,
        interval: 100,
      })
      .toBe('sent');
    const delivered = await db.select().from(devSms).where(eq(devSms.idempotencyKey, 'worker-sweep-test'));
    expect(delivered.map((m) => m.body)).toEqual(['【测试】到期短信']);
    db.$client.close();
  });

  it('keeps the staff Worker’s sweep out of reach from outside: only the Cron Trigger asks for it', async () => {
    // Not a Worker-first path: the static assets answer it (405 for a POST), the staff Worker never sees it.
    const response = await fetch(`${worker?.url}/internal/sweep?cron=x`, { method: 'POST' });
    expect([404, 405]).toContain(response.status);
    expect(worker?.output()).not.toMatch(/sweep \(x\)/);
  });

  it('runs the every-minute sweep without failing', async () => {
    const response = await fetch(`${worker?.url}/__scheduled?cron=*+*+*+*+*`);
    expect(response.status).toBe(200);
    await expect
      .poll(() => worker?.output() ?? '', { timeout: 10_000, interval: 100 })
      .toMatch(/sweep \(\* \* \* \* \*\) \{"at":"2024-07-20T/);
    expect(worker?.output()).not.toMatch(/sweep \(\* \* \* \* \*\) failed/);
  });
});

describe('the Worker without its database settings', () => {
  let worker: WranglerDev | undefined;

  beforeAll(async () => {
    worker = await startWranglerDev({ vars: { DATA_KEY: 'test-only-data-key-not-a-secret-0123456789' }, readyStatus: 500 });
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it('tells visitors in Chinese that the service is misconfigured, and logs what is missing', () =>
    expectConfigurationRefusal(worker, 'worker configuration: DATABASE_URL is required'));
});

describe('the Worker with SMS_PROVIDER=http but no key', () => {
  let worker: WranglerDev | undefined;

  beforeAll(async () => {
    worker = await startWranglerDev({
      vars: {
        DATABASE_URL: 'http://127.0.0.1:9',
        DATA_KEY: 'test-only-data-key-not-a-secret-0123456789',
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: 'https://sms.example/send',
        RECORDS_PROVIDER: 'local',
      },
      readyStatus: 500,
    });
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it('refuses to start rather than lose sign-in codes, and logs the missing setting', () =>
    expectConfigurationRefusal(worker, 'worker configuration: SMS_HTTP_KEY is required when SMS_PROVIDER=http'));
});

/** A misconfigured Worker answers 500 with the Chinese configuration notice and logs `logLine`. */
async function expectConfigurationRefusal(worker: WranglerDev | undefined, logLine: string) {
  const response = await fetch(`${worker?.url}/trpc/catalog.regions`);
  expect(response.status).toBe(500);
  const body = (await response.json()) as { error: { message: string } };
  expect(body.error.message).toMatch(/服务配置有误/);
  await expect.poll(() => worker?.output() ?? '', { timeout: 10_000, interval: 100 }).toContain(logLine);
}

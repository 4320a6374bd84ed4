import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStaff } from '../../db/seed/demo-staff';
import { createEnrollmentClient } from '../../src/client';
import { startWorkerStack } from '../helpers/worker-stack';

const now = '2024-07-20T10:00:00+08:00';

/** The main Worker hands every request that calls a staff desk's procedure to the staff Worker (decision 027). */
describe('the staff desk through the main Worker and its STAFF binding', () => {
  let stack: Awaited<ReturnType<typeof startWorkerStack>>;

  beforeAll(async () => {
    stack = await startWorkerStack({ now, prepare: (db) => seedDemoStaff(db, new Date(now)) });
  });

  afterAll(() => stack?.stop());

  async function signIn(username: string, password: string) {
    const { token } = await createEnrollmentClient({ url: stack.url }).review.signIn.mutate({ username, password, session: 'token' });
    return createEnrollmentClient({ url: stack.url, token: token! });
  }

  it('answers a batch that mixes parents’ and staff procedures, each call in full', async () => {
    const response = await fetch(`${stack.url}/trpc/catalog.regions,review.stats?batch=1&input=${encodeURIComponent('{}')}`);
    const answers = (await response.json()) as { result?: { data: unknown }; error?: { data: { code: string } } }[];
    expect(answers).toHaveLength(2);
    expect(answers[0]!.result?.data).toEqual(expect.arrayContaining([expect.objectContaining({ name: '桃花江镇' })]));
    // Served (a signed-out caller is refused), not unknown to the Worker that answered.
    expect(answers[1]!.error?.data.code).toBe('UNAUTHORIZED');
  });

  it('lets a county reviewer read the queue and the catalog in one batch', async () => {
    const county = await signIn('county', 'demo-county-2024');
    const [queue, regions, me] = await Promise.all([
      county.review.queue.query({}),
      county.catalog.regions.query(),
      county.review.me.query(),
    ]);
    expect(queue.total).toBeGreaterThanOrEqual(0);
    expect(regions.map((r) => r.name)).toContain('桃花江镇');
    expect(me.username).toBe('county');
  });

  it('renders an administrator’s policy page through the render Worker, and parents read it from the main Worker', async () => {
    const admin = await signIn('admin', 'demo-admin-2024');
    const [season] = await admin.admin.pages.query();
    const page = season!.pages[0]!;
    const saved = await admin.admin.updatePage.mutate({ pageId: page.id, version: page.version, title: page.title, body: '**第二版**' });
    expect(saved.html).toContain('<strong>第二版</strong>');
    const regionId = (await createEnrollmentClient({ url: stack.url }).catalog.regions.query()).find(
      (r) => r.name === season!.regionName,
    )!.id;
    await expect
      .poll(async () => (await createEnrollmentClient({ url: stack.url }).catalog.pages.query({ regionId })).map((p) => p.html).join(''), {
        timeout: 5_000,
      })
      .toContain('<strong>第二版</strong>');
  });

  it('serves the integrators’ OpenAPI document, its reference page and a REST path through the staff Worker', async () => {
    const document = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths).toHaveProperty(['/api/v1/catalog/regions']);
    const regions = await fetch(`${stack.url}/api/v1/catalog/regions`);
    expect(regions.status).toBe(200);
    expect(((await regions.json()) as { name: string }[]).map((r) => r.name)).toContain('桃花江镇');
    const reference = await fetch(`${stack.url}/api/reference`);
    expect(reference.status).toBe(200);
    expect(await reference.text()).toContain('/api/v1/catalog/regions');
    const admin = await signIn('admin', 'demo-admin-2024');
    const { token: key } = await admin.admin.integrationKeys.create.mutate({ name: 'Worker 测试系统', scopes: ['catalog.read'] });
    const me = await fetch(`${stack.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: 'Worker 测试系统', scopes: ['catalog.read'] });
    const refused = await fetch(`${stack.url}/api/v1/statistics`, { headers: { authorization: `Bearer ${key}` } });
    expect(refused.status).toBe(403);
    const unknown = await fetch(`${stack.url}/api/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});

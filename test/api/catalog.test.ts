import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterOutputs } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { refusal } from '../helpers/refusal';

let t: TestHost;
let region: RouterOutputs['catalog']['region'];
const entry = (code: string) => region.entries.find((e) => e.code === code)!;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  const [first] = await t.client.catalog.regions.query();
  region = await t.client.catalog.region.query({ regionId: first!.id });
});
afterAll(() => t?.close());

describe('the public catalog, read through the typed client over HTTP', () => {
  it('lists 桃花江镇 with its 2024 autumn season, then the second town of the demo', async () => {
    expect(await t.client.catalog.regions.query()).toEqual([
      expect.objectContaining({ code: 'taohuajiang', name: '桃花江镇', seasonName: '2024年秋季' }),
      expect.objectContaining({ code: 'huishangang', name: '灰山港镇', seasonName: '2024年秋季' }),
    ]);
    expect(region.season).toMatchObject({ code: '2024-autumn', year: 2024 });
  });

  it("gives the bureau's 咨询电话, 主办单位 and ICP number with the region, and each school's 咨询电话 with the school", async () => {
    expect(region.contact).toEqual({
      phone: '0737-8822011',
      address: '桃江县桃花江镇桃花中路1号 县教育局招生办',
      sponsor: '桃江县教育局',
      icp: '湘ICP备00000000号-1',
    });
    const schools = await t.client.catalog.schools.query({ regionId: region.id });
    expect(schools.length).toBeGreaterThan(0);
    for (const s of schools) expect(s.contactPhone).toMatch(/^0737-\d{7}$/);
  });

  it('shows the three entries open, with the window in China time', () => {
    expect(region.entries.map((e) => e.name)).toEqual(['小学一年级新生', '初中七年级新生', '插班生转学']);
    for (const e of region.entries) {
      expect(e.window).toEqual({
        opensAt: '2024-07-14T16:00:00.000Z',
        closesAt: '2024-07-25T16:00:00.000Z',
        state: 'open',
        text: '2024-07-15 00:00 至 2024-07-25 24:00（北京时间）',
      });
    }
    expect(entry('transfer')).toMatchObject({ gradeMin: 2, gradeMax: 9 });
  });

  it('says registration has not started one second before midnight on 7-15, and has ended at midnight after 7-25', async () => {
    t.clock.set('2024-07-14T23:59:59+08:00');
    expect((await t.client.catalog.region.query({ regionId: region.id })).entries[0]!.window.state).toBe('upcoming');
    t.clock.set('2024-07-26T00:00:00+08:00');
    expect((await t.client.catalog.region.query({ regionId: region.id })).entries[0]!.window.state).toBe('closed');
    t.clock.set('2024-07-20T10:00:00+08:00');
  });

  it('splits grade 7 into town and non-town primary graduates, only the former with 其他情况', async () => {
    const { tracks } = await t.client.catalog.channels.query({ entryId: entry('grade7').id });
    expect(tracks.map((tr) => [tr.name, tr.channels.length])).toEqual([
      ['县城小学毕业生', 7],
      ['非县城小学毕业生', 6],
    ]);
    expect(tracks[0]!.channels.at(-1)).toMatchObject({ name: '其他情况', eligibility: { manualProof: true } });
  });

  it('gives every channel its definition and documents, property proofs as alternatives', async () => {
    const { tracks } = await t.client.catalog.channels.query({ entryId: entry('grade1').id });
    const property = tracks[0]!.channels.find((c) => c.code === 'property')!;
    expect(property.definition).toContain('父母的房屋产权证');
    expect(property.eligibility).toMatchObject({ check: 'property', verifiable: true });
    const proofs = property.documents.filter((d) => d.alternativeGroup === 'property-proof');
    expect(proofs.length).toBe(4);
    expect(property.documents.find((d) => d.kind === 'birth-certificate')?.condition).toBe('hukou_lacks_relation');
  });

  it('lists schools by level and by the community they serve', async () => {
    const all = await t.client.catalog.schools.query({ regionId: region.id });
    const primary = await t.client.catalog.schools.query({ regionId: region.id, level: 'primary' });
    expect(primary.length).toBeGreaterThanOrEqual(6);
    expect(all.filter((s) => s.level === 'junior').length).toBeGreaterThanOrEqual(3);
    const [community] = await t.client.catalog.communities.query({ regionId: region.id });
    const serving = await t.client.catalog.schools.query({ regionId: region.id, level: 'junior', community: community!.name });
    expect(serving.length).toBeGreaterThanOrEqual(2);
    for (const s of serving) expect(s.communities).toContain(community!.name);
    expect(await t.client.catalog.schools.query({ regionId: region.id, community: '不存在的社区' })).toEqual([]);
  });

  it('publishes the policy, manual, FAQ and declaration pages', async () => {
    const pages = await t.client.catalog.pages.query({ regionId: region.id });
    expect(pages.map((p) => p.slug)).toEqual(['policy', 'manual', 'faq', 'declaration']);
    for (const p of pages) expect(p.body.length).toBeGreaterThan(100);
  });

  it('refuses a malformed id with BAD_REQUEST and a Chinese message naming the field', async () => {
    const e = await refusal(t.client.catalog.region.query({ regionId: 'not-an-id' }));
    expect(e.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(e.message).toBe('区域编号格式不正确');
    expect(e.data?.fieldErrors).toEqual({ regionId: ['区域编号格式不正确'] });
  });

  it('refuses a missing or wrongly typed input with BAD_REQUEST in Chinese', async () => {
    const missing = await refusal(t.client.catalog.channels.query({} as never));
    expect(missing.data?.code).toBe('BAD_REQUEST');
    expect(missing.message).toMatch(/[\u4e00-\u9fa5]/);
    const level = await refusal(t.client.catalog.schools.query({ regionId: region.id, level: 'senior' as never }));
    expect(level.data?.code).toBe('BAD_REQUEST');
    expect(level.message).toContain('学段');
  });

  it('answers an unknown region or entry with NOT_FOUND in Chinese', async () => {
    const r = await refusal(t.client.catalog.region.query({ regionId: 'a'.repeat(20) }));
    expect(r.data).toMatchObject({ code: 'NOT_FOUND', domainCode: 'REGION_NOT_FOUND' });
    expect(r.message).toBe('找不到该区域');
    const e = await refusal(t.client.catalog.channels.query({ entryId: 'b'.repeat(20) }));
    expect(e.data).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ENTRY_NOT_FOUND' });
    const s = await refusal(t.client.catalog.schools.query({ regionId: 'c'.repeat(20) }));
    expect(s.data?.code).toBe('NOT_FOUND');
  });

  it('never answers garbage with a server error', async () => {
    for (const body of ['{', 'null', '[]', '"x"', '{"regionId":12}']) {
      const res = await fetch(`${t.url}/trpc/catalog.region?input=${encodeURIComponent(body)}`);
      expect(res.status, body).toBeLessThan(500);
    }
    const post = await fetch(`${t.url}/trpc/catalog.region`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBeLessThan(500);
    expect(t.errors).toEqual([]);
  });
});

describe('the web app from the Node host', () => {
  it('serves the page shell so that a new deploy is picked up, and the hashed assets for a year', async () => {
    const root = await fetch(`${t.url}/`);
    expect(root.headers.get('content-type')).toContain('text/html');
    expect(root.headers.get('cache-control')).toBe('no-cache');
    const deep = await fetch(`${t.url}/entries/whatever`);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    const asset = (await root.text()).match(/\/assets\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const js = await fetch(`${t.url}${asset}`);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it("sends the home page with the remembered town's catalog inside, compressed, escaped so no value can end the block", async () => {
    const home = await fetch(`${t.url}/`, { headers: { 'accept-encoding': 'gzip', cookie: `town=${region.id}` } });
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.headers.get('content-encoding')).toBe('gzip');
    const html = await home.text();
    const block = html.match(/<script type="application\/json" id="catalog-snapshot">(.*?)<\/script><\/head>/s)?.[1];
    expect(block).toBeTruthy();
    expect(block).not.toContain('<');
    const snapshot = JSON.parse(block!) as { region: { id: string; name: string }; pages: { slug: string }[] };
    expect(snapshot.region).toMatchObject({ id: region.id, name: '桃花江镇' });
    expect(snapshot.pages.map((p) => p.slug)).toEqual(['policy', 'manual', 'faq', 'declaration']);
  });

  it('sends a first visit the list of towns and no town; an unknown remembered town is the same', async () => {
    for (const cookie of ['', 'town=nosuchtown']) {
      const html = await (await fetch(`${t.url}/`, { headers: { cookie } })).text();
      const block = html.match(/<script type="application\/json" id="catalog-snapshot">(.*?)<\/script><\/head>/s)?.[1];
      const snapshot = JSON.parse(block!) as { regions: { name: string }[]; region?: unknown };
      expect(snapshot.regions.map((r) => r.name)).toEqual(['桃花江镇', '灰山港镇']);
      expect(snapshot.region).toBeUndefined();
      expect(html).toContain('<h1 class="section-title">请选择孩子入学的乡镇</h1>');
    }
  });

  it('sends the page and its assets compressed at build time to browsers that accept it, the same bytes to those that do not', async () => {
    const asset = (await (await fetch(`${t.url}/`)).text()).match(/\/assets\/[^"]+\.js/)?.[0];
    const plain = await fetch(`${t.url}${asset}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const original = await plain.text();
    for (const encoding of ['br', 'gzip']) {
      const packed = await fetch(`${t.url}${asset}`, { headers: { 'accept-encoding': encoding } });
      expect(packed.headers.get('content-encoding')).toBe(encoding);
      expect(packed.headers.get('vary')).toContain('Accept-Encoding');
      expect(Number(packed.headers.get('content-length'))).toBeLessThan(original.length / 2);
      expect(await packed.text()).toBe(original);
    }
    const deepLink = await fetch(`${t.url}/entries/whatever`, { headers: { 'accept-encoding': 'gzip' } });
    expect(deepLink.headers.get('content-type')).toContain('text/html');
  });
});

describe('the HTTP surface', () => {
  it('reports health with the database reachable', async () => {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok', now: '2024-07-20T02:00:00.000Z' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('sends security headers on every answer', async () => {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers an unknown API path with 404 in Chinese, not the page', async () => {
    const res = await fetch(`${t.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: '找不到该地址' } });
  });

  it('refuses an oversized request body with 413', async () => {
    const res = await fetch(`${t.url}/trpc/catalog.region`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ regionId: 'x'.repeat(300_000) }),
    });
    expect(res.status).toBe(413);
  });
});

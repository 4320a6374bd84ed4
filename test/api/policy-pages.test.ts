import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seed';
import { auditLog, pages } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';

/** Policy pages as administrators edit them (issue 12, point 6), over real HTTP against the Node host. */
let t: TestHost;
let admin: EnrollmentClient;
let county: EnrollmentClient;
let adminToken: string;

beforeAll(async () => {
  t = await startTestHost();
  adminToken = await staffToken(t, 'admin');
  admin = racers(t.url, 1, adminToken)[0]!;
  county = await signInStaff(t, 'county');
});
afterAll(() => t?.close());

const season = async () => (await admin.admin.pages.query())[0]!;
const faq = async () => (await season()).pages.find((p) => p.slug === 'faq')!;
const auditOf = (action: string) => t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('policy pages for administrators', () => {
  it('lists a season’s pages in order with their Markdown and the HTML rendered at seeding', async () => {
    const list = await admin.admin.pages.query();
    expect(list[0]).toMatchObject({ name: expect.any(String), regionName: expect.any(String) });
    expect(list[0]!.pages.map((p) => p.slug)).toEqual(['policy', 'manual', 'faq', 'declaration']);
    const page = list[0]!.pages.find((p) => p.slug === 'faq')!;
    expect(page.body).toContain('## ');
    expect(page.html).toContain('<h2>');
    expect(page.version).toBe(0);
    expect(await admin.admin.pages.query({ seasonId: list[0]!.id })).toEqual([list[0]]);
  });

  it('saves title and Markdown, stores the rendered HTML, audits before and after, and parents read the HTML', async () => {
    const before = await faq();
    const body = '## 新问题\n\n- 第一条\n- 第二条\n\n见[教育局](https://jyj.example.cn)。<script>alert(1)</script>';
    const saved = await admin.admin.updatePage.mutate({ pageId: before.id, version: before.version, title: '常见问题（2024）', body });
    expect(saved.version).toBe(before.version + 1);
    const [row] = await t.host.deps.db.select().from(pages).where(eq(pages.id, before.id));
    expect(row!.html).toContain('<ul>\n<li>第一条</li>');
    expect(row!.html).toContain('<a href="https://jyj.example.cn" target="_blank" rel="noopener noreferrer">教育局</a>');
    expect(row!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(row!.html).not.toContain('<script');
    expect(saved.html).toBe(row!.html);

    const entries = (await auditOf('page_update')).filter((e) => e.detail.pageId === before.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toEqual({
      pageId: before.id,
      version: before.version + 1,
      before: { title: before.title, body: before.body },
      after: { title: '常见问题（2024）', body },
    });

    const regionId = (await t.client.catalog.regions.query())[0]!.id;
    const parents = (await t.client.catalog.pages.query({ regionId })).find((p) => p.slug === 'faq')!;
    expect(parents).toMatchObject({ title: '常见问题（2024）', body, html: row!.html });
  });

  it('refuses a save made on a stale version with CONFLICT in zh-CN, writing nothing', async () => {
    const current = await faq();
    const auditsBefore = (await auditOf('page_update')).length;
    const error = await refusal(
      admin.admin.updatePage.mutate({ pageId: current.id, version: current.version - 1, title: '旧', body: '旧' }),
    );
    expect(error.data?.code).toBe('CONFLICT');
    expect(error.message).toContain('已被他人修改');
    expect(await faq()).toEqual(current);
    expect(await auditOf('page_update')).toHaveLength(auditsBefore);
  });

  it('lets exactly one of two saves made on the same version win, with one audit entry', async () => {
    const current = await faq();
    const auditsBefore = (await auditOf('page_update')).length;
    const [a, b] = racers(t.url, 2, adminToken);
    const outcomes = await Promise.allSettled([
      a!.admin.updatePage.mutate({ pageId: current.id, version: current.version, title: '甲的标题', body: '甲' }),
      b!.admin.updatePage.mutate({ pageId: current.id, version: current.version, title: '乙的标题', body: '乙' }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason.data.code).toBe('CONFLICT');
    const after = await faq();
    expect(after.version).toBe(current.version + 1);
    const audits = await auditOf('page_update');
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits.at(-1)?.detail.after).toEqual({ title: after.title, body: after.body });
  });

  it('refuses an overlong body on its field, and an empty title', async () => {
    const current = await faq();
    const long = await refusal(
      admin.admin.updatePage.mutate({ pageId: current.id, version: current.version, title: 't', body: 'a'.repeat(20_001) }),
    );
    expect(long.data?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(long.data)).toContain('20001');
    const empty = await refusal(admin.admin.updatePage.mutate({ pageId: current.id, version: current.version, title: ' ', body: 'b' }));
    expect(JSON.stringify(empty.data)).toContain('请填写页面标题');
  });

  it('creates a further page after the others, its address unique within the season, audited', async () => {
    const { id: seasonId } = await season();
    const created = await admin.admin.createPage.mutate({
      seasonId,
      slug: 'transfer-guide',
      title: '转学指南',
      body: '请携带[材料](/regions/x)',
    });
    const list = (await season()).pages;
    expect(list.map((p) => p.slug)).toEqual(['policy', 'manual', 'faq', 'declaration', 'transfer-guide']);
    expect(list.at(-1)).toMatchObject({
      id: created.id,
      title: '转学指南',
      html: '<p>请携带<a href="/regions/x">材料</a></p>\n',
      version: 0,
    });
    const [audit] = (await auditOf('page_create')).filter((e) => e.detail.pageId === created.id);
    expect(audit!.detail.after).toEqual({ slug: 'transfer-guide', title: '转学指南', body: '请携带[材料](/regions/x)' });

    const twice = await refusal(admin.admin.createPage.mutate({ seasonId, slug: 'transfer-guide', title: '又一个', body: '' }));
    expect(twice.data?.code).toBe('CONFLICT');
    expect(twice.message).toContain('相同地址');
    expect(
      (await auditOf('page_create')).filter((e) => e.detail.after && (e.detail.after as { title: string }).title === '又一个'),
    ).toEqual([]);
    const bad = await refusal(admin.admin.createPage.mutate({ seasonId, slug: 'Transfer Guide', title: '转学', body: '' }));
    expect(JSON.stringify(bad.data)).toContain('小写字母');
  });

  it('sets the order of a season’s pages whole, and refuses an order made on stale versions', async () => {
    const { id: seasonId, pages: list } = await season();
    const reversed = [...list].reverse().map((p) => ({ pageId: p.id, version: p.version }));
    await admin.admin.orderPages.mutate({ seasonId, pages: reversed });
    const after = (await season()).pages;
    expect(after.map((p) => p.id)).toEqual(reversed.map((p) => p.pageId));
    expect((await auditOf('page_order')).at(-1)?.detail).toMatchObject({ seasonId, after: after.map((p) => p.slug) });

    const stale = await refusal(
      admin.admin.orderPages.mutate({ seasonId, pages: list.map((p) => ({ pageId: p.id, version: p.version })) }),
    );
    expect(stale.data?.code).toBe('CONFLICT');
    expect((await season()).pages.map((p) => p.id)).toEqual(reversed.map((p) => p.pageId));
  });

  it('lets county reviewers read the pages but not change them', async () => {
    const current = await faq();
    expect((await county.admin.pages.query())[0]!.pages.length).toBeGreaterThan(0);
    const error = await refusal(
      county.admin.updatePage.mutate({ pageId: current.id, version: current.version, title: '县级改', body: 'x' }),
    );
    expect(error.data?.code).toBe('FORBIDDEN');
    const created = await refusal(county.admin.createPage.mutate({ seasonId: (await season()).id, slug: 'county', title: '县', body: '' }));
    expect(created.data?.code).toBe('FORBIDDEN');
    expect(await faq()).toEqual(current);
  });

  it('keeps an administrator’s saved page when the host seeds the catalog again at its next start', async () => {
    const current = await faq();
    expect(current.version).toBeGreaterThan(0);
    await seedCatalog(t.host.deps.db);
    expect(await faq()).toEqual(current);
    const [declaration] = await t.host.deps.db
      .select()
      .from(pages)
      .where(and(eq(pages.slug, 'declaration'), eq(pages.seasonId, (await season()).id)));
    expect(declaration!.html).toContain('<p>');
  });
});

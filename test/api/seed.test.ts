import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { auditLog, channels, pages, schools, seasonCatchments } from '../../db/schema';
import { seedCatalog } from '../../db/seed';
import { seedSeason } from '../../db/seed/catalog';
import { taojiang2024 } from '../../db/seed/taojiang-2024';
import { catalogId } from '../../src/domain/ids';
import { tempDir } from '../helpers/temp';

const dir = tempDir('seed');
let db: Db;

beforeAll(async () => {
  db = await createDb(`file:${dir.path}/seed.db`);
  await migrateDb(db);
});
afterAll(() => {
  db?.$client.close();
  dir.remove();
});

/** Waits until the wall clock has moved on by a millisecond, so that a rewrite would show in `updatedAt`. */
async function nextMillisecond() {
  const started = Date.now();
  await expect.poll(() => Date.now(), { interval: 1 }).toBeGreaterThan(started);
}

const counts = async () => ({
  channels: (await db.select({ n: count() }).from(channels))[0]!.n,
  schools: (await db.select({ n: count() }).from(schools))[0]!.n,
  catchments: (await db.select({ n: count() }).from(seasonCatchments))[0]!.n,
  pages: await db.select({ slug: pages.slug, updatedAt: pages.updatedAt }).from(pages).orderBy(pages.slug, pages.id),
});

describe('seeding', () => {
  it('can run at every start without duplicating rows or touching unchanged pages', async () => {
    await seedCatalog(db);
    const first = await counts();
    // 桃花江镇: grade 1, the two grade-7 tracks, two transfer tracks; 灰山港镇: grade 1 and the two grade-7 tracks.
    expect(first.channels).toBe(6 + 7 + 6 + 5 + 5 + (6 + 7 + 6));
    await nextMillisecond();
    await seedCatalog(db);
    expect(await counts()).toEqual(first);
  });

  it('loads each town’s communities and schools through the administrators’ import, once', async () => {
    const imports = await db.select().from(auditLog).where(eq(auditLog.action, 'schools_import'));
    expect(imports.map((a) => [a.username, a.staffId, (a.detail as { created: string[] }).created.length])).toEqual([
      ['seed', null, 11],
      ['seed', null, 3],
    ]);
    expect((await counts()).schools).toBe(11 + 3);
    expect((await counts()).catchments).toBe(57 + 13);
  });

  it('leaves what administrators changed as they left it: a restart does not put the seed back', async () => {
    const taohuajiangFaq = and(eq(pages.slug, 'faq'), eq(pages.seasonId, await catalogId('season', 'taohuajiang', '2024-autumn')));
    const [faq] = await db.select().from(pages).where(taohuajiangFaq);
    await db
      .update(pages)
      .set({ body: `${faq!.body}\n\n管理员补充的说明。` })
      .where(eq(pages.id, faq!.id));
    const before = await counts();
    await nextMillisecond();
    await seedSeason(db, {
      ...taojiang2024,
      pages: taojiang2024.pages.map((p) => (p.slug === 'faq' ? { ...p, body: '种子里的旧文本' } : p)),
    });
    expect(await counts()).toEqual(before);
    const [after] = await db.select().from(pages).where(taohuajiangFaq);
    expect(after!.body.endsWith('管理员补充的说明。')).toBe(true);
  });

  it('renders the HTML of a page stored before pages kept it, once, so parents never wait for Markdown', async () => {
    const taohuajiangFaq = and(eq(pages.slug, 'faq'), eq(pages.seasonId, await catalogId('season', 'taohuajiang', '2024-autumn')));
    const [faq] = await db.select().from(pages).where(taohuajiangFaq);
    await db.update(pages).set({ html: null }).where(eq(pages.id, faq!.id));
    await seedCatalog(db);
    const [after] = await db.select().from(pages).where(eq(pages.id, faq!.id));
    expect(after!.html).toContain('<p>');
  });
});

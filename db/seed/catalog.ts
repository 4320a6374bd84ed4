import { and, eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { systemClock } from '../../src/adapters/clock';
import { webCryptoRandom } from '../../src/adapters/random';
import { seedActor } from '../../src/domain/catalog';
import { catalogId } from '../../src/domain/ids';
import { placeKey } from '../../src/domain/school-import';
import { renderPolicyMarkdown } from '../../src/render/policy-markdown';
import { importSchools } from '../../src/services/admin/school-import';
import type { Db } from '../client';
import { channels, entries, pages, placementRules, regions, seasonSchools, seasons, tracks, windows } from '../schema';
import type { SeedSeason } from './types';

/**
 * Inserts the rows that are not there yet, by id (or any other unique key), and leaves every existing row as it is:
 * once a season is in the database, administrators own it (issue 12), and a restart must not undo their changes.
 */
function insertMissing<T extends SQLiteTable>(db: Db, table: T, rows: T['$inferInsert'][]): BatchItem<'sqlite'> | null {
  if (rows.length === 0) return null;
  return db
    .insert(table)
    .values(rows as never)
    .onConflictDoNothing();
}

/**
 * Writes one region's season (entries, windows, tracks, channels, pages) in a single atomic batch, where it is
 * missing, then imports its communities and schools (`importSeedSchools`). Safe to run at every start: rows are keyed
 * by ids derived from their natural keys, and a row already there is never changed (what administrators changed
 * stays changed).
 */
export async function seedSeason(db: Db, seed: SeedSeason): Promise<void> {
  const regionId = await catalogId('region', seed.region.code);
  const seasonId = await catalogId('season', seed.region.code, seed.season.code);

  const entryRows: (typeof entries.$inferInsert)[] = [];
  const windowRows: (typeof windows.$inferInsert)[] = [];
  const trackRows: (typeof tracks.$inferInsert)[] = [];
  const channelRows: (typeof channels.$inferInsert)[] = [];
  for (const [entrySort, entry] of seed.entries.entries()) {
    const entryId = await catalogId('entry', seasonId, entry.code);
    const grades = entry.tracks.flatMap((t) => [t.gradeMin, t.gradeMax]);
    entryRows.push({
      id: entryId,
      seasonId,
      code: entry.code,
      name: entry.name,
      description: entry.description,
      gradeMin: Math.min(...grades),
      gradeMax: Math.max(...grades),
      sort: entrySort,
    });
    windowRows.push({
      id: await catalogId('window', entryId),
      entryId,
      opensAt: new Date(entry.opensAt),
      closesAt: new Date(entry.closesAt),
    });
    for (const [trackSort, track] of entry.tracks.entries()) {
      const trackId = await catalogId('track', entryId, track.code);
      trackRows.push({
        id: trackId,
        entryId,
        code: track.code,
        name: track.name,
        description: track.description,
        level: track.level,
        gradeMin: track.gradeMin,
        gradeMax: track.gradeMax,
        sort: trackSort,
      });
      for (const [channelSort, channel] of track.channels.entries()) {
        channelRows.push({
          id: await catalogId('channel', trackId, channel.code),
          trackId,
          code: channel.code,
          name: channel.name,
          definition: channel.definition,
          eligibility: channel.eligibility,
          documents: channel.documents,
          sort: channelSort,
        });
      }
    }
  }

  const pageRows = await Promise.all(
    seed.pages.map(async (page, sort) => ({
      id: await catalogId('page', seasonId, page.slug),
      seasonId,
      slug: page.slug,
      title: page.title,
      body: page.body,
      // Rendered by the same renderer as an administrator's save: parents' pages show only stored HTML.
      html: renderPolicyMarkdown(page.body),
      sort,
    })),
  );

  const statements = [
    insertMissing(db, regions, [{ id: regionId, ...seed.region }]),
    insertMissing(db, seasons, [{ id: seasonId, regionId, code: seed.season.code, name: seed.season.name, year: seed.season.year }]),
    insertMissing(db, entries, entryRows),
    insertMissing(db, windows, windowRows),
    insertMissing(db, tracks, trackRows),
    insertMissing(db, channels, channelRows),
    insertMissing(db, pages, pageRows),
    insertMissing(db, placementRules, [{ seasonId, tiers: seed.placementTiers }]),
  ].filter((s): s is BatchItem<'sqlite'> => s !== null);
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  await importSeedSchools(db, seasonId, seed);
}

/**
 * The season's communities and schools go in the way an administrator's spreadsheet does: as rows of text cells,
 * checked and written by `importSchools` (admin.importSchools), so the demo exercises the import. Only into a season
 * the seed has just made (version 0, no schools yet): what administrators changed stays as they left it.
 */
async function importSeedSchools(db: Db, seasonId: string, seed: SeedSeason): Promise<void> {
  const [season] = await db.select({ version: seasons.version }).from(seasons).where(eq(seasons.id, seasonId));
  const [offered] = await db.select({ id: seasonSchools.id }).from(seasonSchools).where(eq(seasonSchools.seasonId, seasonId)).limit(1);
  if (season?.version !== 0 || offered) return;
  await importSchools(
    { db, clock: systemClock, random: webCryptoRandom },
    seedActor,
    {
      seasonId,
      version: 0,
      communities: seed.communities.map((name, i) => ({ row: i + 2, name })),
      schools: seed.schools.map((school, i) => ({
        row: i + 2,
        code: school.code,
        name: school.name,
        level: school.level,
        address: school.address,
        phone: school.contactPhone,
        catchment: school.communities.join('、'),
        places: Object.fromEntries(school.places.map((p) => [placeKey(p.entry, p.grade), String(p.places)])),
      })),
    },
    { ip: null, requestId: null },
  );
}

/**
 * Pages stored before pages kept their rendered HTML (migration 0009) get it here, once: parents' reads then never
 * render Markdown. Guarded on `html IS NULL`, so a page an administrator saves meanwhile keeps what the save wrote.
 */
export async function renderMissingPageHtml(db: Db): Promise<void> {
  const missing = await db.select({ id: pages.id, body: pages.body }).from(pages).where(isNull(pages.html));
  if (missing.length === 0) return;
  await db.batch(
    missing.map((p) =>
      db
        .update(pages)
        .set({ html: renderPolicyMarkdown(p.body) })
        .where(and(eq(pages.id, p.id), isNull(pages.html))),
    ) as unknown as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]],
  );
}

import { and, eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { catalogId } from '../../src/domain/ids';
import { renderPolicyMarkdown } from '../../src/render/policy-markdown';
import type { Db } from '../client';
import {
  channels,
  communities,
  entries,
  pages,
  regions,
  schoolPlaces,
  schools,
  seasonCatchments,
  seasonSchools,
  seasons,
  tracks,
  windows,
} from '../schema';
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
 * Writes one region's season (entries, windows, tracks, channels, communities, schools with catchments, pages)
 * in a single atomic batch, where it is missing. Safe to run at every start: rows are keyed by ids derived from their
 * natural keys, and a row already there is never changed (what administrators changed stays changed).
 */
export async function seedSeason(db: Db, seed: SeedSeason): Promise<void> {
  const regionId = await catalogId('region', seed.region.code);
  const seasonId = await catalogId('season', seed.region.code, seed.season.code);
  const communityIds = new Map<string, string>();
  for (const name of seed.communities) communityIds.set(name, await catalogId('community', seed.region.code, name));

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

  const schoolRows: (typeof schools.$inferInsert)[] = [];
  const seasonSchoolRows: (typeof seasonSchools.$inferInsert)[] = [];
  const placeRows: (typeof schoolPlaces.$inferInsert)[] = [];
  const catchmentRows: (typeof seasonCatchments.$inferInsert)[] = [];
  for (const [sort, school] of seed.schools.entries()) {
    const schoolId = await catalogId('school', seed.region.code, school.code);
    const seasonSchoolId = await catalogId('season-school', seasonId, schoolId);
    schoolRows.push({ id: schoolId, regionId, code: school.code, name: school.name, level: school.level });
    seasonSchoolRows.push({ id: seasonSchoolId, seasonId, schoolId, address: school.address, contactPhone: school.contactPhone, sort });
    for (const place of school.places) {
      const entryId = await catalogId('entry', seasonId, place.entry);
      placeRows.push({ seasonSchoolId, entryId, grade: place.grade, places: place.places });
    }
    for (const name of school.communities) {
      const communityId = communityIds.get(name);
      if (!communityId) throw new Error(`seed: school ${school.code} serves unknown community ${name}`);
      catchmentRows.push({ seasonSchoolId, communityId });
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
    insertMissing(
      db,
      communities,
      [...communityIds].map(([name, id], sort) => ({ id, regionId, name, sort })),
    ),
    insertMissing(db, schools, schoolRows),
    insertMissing(db, seasonSchools, seasonSchoolRows),
    insertMissing(db, schoolPlaces, placeRows),
    insertMissing(db, seasonCatchments, catchmentRows),
    insertMissing(db, pages, pageRows),
  ].filter((s): s is BatchItem<'sqlite'> => s !== null);
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
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

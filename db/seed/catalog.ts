import { getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { catalogId } from '../../src/domain/ids';
import { renderPolicyMarkdown } from '../../src/render/policy-markdown';
import type { Db } from '../client';
import { catchments, channels, communities, entries, pages, regions, schools, seasons, tracks, windows } from '../schema';
import type { SeedSeason } from './types';

/**
 * Insert-or-update by id. Only columns that changed are written, and `updated_at` moves only when something did,
 * so seeding at every start is idempotent and keeps the pages' dates honest.
 */
function upsert<T extends SQLiteTable>(db: Db, table: T, rows: T['$inferInsert'][], onlyWhere?: SQL): BatchItem<'sqlite'> | null {
  if (rows.length === 0) return null;
  const all = getTableColumns(table);
  const content = Object.entries(all).filter(([, c]) => c.name !== 'id' && c.name !== 'updated_at');
  const set: Record<string, SQL> = Object.fromEntries(content.map(([key, c]) => [key, sql.raw(`excluded."${c.name}"`)]));
  if ('updatedAt' in all) set.updatedAt = sql`(unixepoch('subsec') * 1000)`;
  const changed = sql.join(
    content.map(([, c]) => sql.raw(`excluded."${c.name}" IS NOT "${c.name}"`)),
    sql.raw(' OR '),
  );
  if (!all.id) throw new Error('upsert needs an id column');
  return db
    .insert(table)
    .values(rows as never)
    .onConflictDoUpdate({ target: all.id, set: set as never, setWhere: onlyWhere ? sql`(${changed}) AND ${onlyWhere}` : changed });
}

/**
 * Writes one region's season (entries, windows, tracks, channels, communities, schools with catchments, pages)
 * in a single atomic batch. Safe to run at every start: rows are keyed by ids derived from their natural keys.
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
  const catchmentRows: (typeof catchments.$inferInsert)[] = [];
  for (const [sort, school] of seed.schools.entries()) {
    const schoolId = await catalogId('school', seed.region.code, school.code);
    schoolRows.push({
      id: schoolId,
      regionId,
      code: school.code,
      name: school.name,
      level: school.level,
      capacity: school.capacity,
      address: school.address,
      contactPhone: school.contactPhone,
      sort,
    });
    for (const name of school.communities) {
      const communityId = communityIds.get(name);
      if (!communityId) throw new Error(`seed: school ${school.code} serves unknown community ${name}`);
      catchmentRows.push({ schoolId, communityId });
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
    upsert(db, regions, [{ id: regionId, ...seed.region }]),
    upsert(db, seasons, [{ id: seasonId, regionId, code: seed.season.code, name: seed.season.name, year: seed.season.year }]),
    upsert(db, entries, entryRows),
    upsert(db, windows, windowRows),
    upsert(db, tracks, trackRows),
    upsert(db, channels, channelRows),
    upsert(
      db,
      communities,
      [...communityIds].map(([name, id], sort) => ({ id, regionId, name, sort })),
    ),
    upsert(db, schools, schoolRows),
    schoolRows.length
      ? db.delete(catchments).where(
          inArray(
            catchments.schoolId,
            schoolRows.map((s) => s.id!),
          ),
        )
      : null,
    catchmentRows.length ? db.insert(catchments).values(catchmentRows) : null,
    // A page an administrator has saved (version above 0) is theirs: seeding at the next start leaves it alone.
    upsert(db, pages, pageRows, sql.raw(`"version" = 0`)),
  ].filter((s): s is BatchItem<'sqlite'> => s !== null);
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}

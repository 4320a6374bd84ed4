import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import type { Db } from '../../../db/client';
import { rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import {
  channels,
  communities,
  entries,
  pages,
  placementRules,
  regions,
  schoolPlaces,
  schools,
  seasonCatchments,
  seasonSchools,
  seasons,
  tracks,
  windows,
} from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { publishProblems, type SeasonFacts } from '../../domain/season-check';
import { moveDayByYears, moveInstantByYears } from '../../domain/season-dates';
import { describeSchedule } from '../../domain/window-change';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

const notFound = () => new DomainError('SEASON_NOT_FOUND', '找不到该招生季');
/** A change made on a version of the season that another change has since moved on. */
export const seasonStale = () => new DomainError('SEASON_CHANGED', '该招生季已被他人修改，请刷新后再试');

/** Every region's seasons, newest first, with their state (draft or published) and version. */
export async function listSeasons(db: Db) {
  const rows = await db
    .select({ season: seasons, region: regions.name })
    .from(seasons)
    .innerJoin(regions, eq(regions.id, seasons.regionId))
    .orderBy(asc(regions.name), desc(seasons.year), asc(seasons.code));
  return rows.map(({ season, region }) => ({
    id: season.id,
    region,
    code: season.code,
    name: season.name,
    year: season.year,
    status: season.status,
    version: season.version,
    publishedAt: season.publishedAt?.toISOString() ?? null,
    retainUntil: season.retainUntil?.toISOString() ?? null,
    purgedAt: season.purgedAt?.toISOString() ?? null,
  }));
}

export async function seasonOf(db: Db, seasonId: string) {
  const [season] = await db.select().from(seasons).where(eq(seasons.id, seasonId));
  if (!season) throw notFound();
  return season;
}

/** A season's schools (each with its identity), their places and their catchments (community ids and names). */
export async function seasonSchoolsOf(db: Db, seasonId: string) {
  const [schoolRows, placeRows, catchmentRows] = await db.batch([
    db
      .select({ offer: seasonSchools, school: schools })
      .from(seasonSchools)
      .innerJoin(schools, eq(schools.id, seasonSchools.schoolId))
      .where(eq(seasonSchools.seasonId, seasonId))
      .orderBy(asc(seasonSchools.sort)),
    db
      .select({ place: schoolPlaces })
      .from(schoolPlaces)
      .innerJoin(seasonSchools, eq(seasonSchools.id, schoolPlaces.seasonSchoolId))
      .where(eq(seasonSchools.seasonId, seasonId)),
    db
      .select({ seasonSchoolId: seasonCatchments.seasonSchoolId, communityId: communities.id, community: communities.name })
      .from(seasonCatchments)
      .innerJoin(seasonSchools, eq(seasonSchools.id, seasonCatchments.seasonSchoolId))
      .innerJoin(communities, eq(communities.id, seasonCatchments.communityId))
      .where(eq(seasonSchools.seasonId, seasonId))
      .orderBy(asc(communities.sort)),
  ]);
  return { schools: schoolRows, places: placeRows.map((p) => p.place), catchments: catchmentRows };
}

/** A season's entries with their windows, tracks and channels (each channel with its entry and track), in order. */
export async function seasonCatalog(db: Db, seasonId: string) {
  const entryRows = await db.select().from(entries).where(eq(entries.seasonId, seasonId)).orderBy(asc(entries.sort));
  const entryIds = entryRows.map((e) => e.id);
  if (entryIds.length === 0) return { entries: entryRows, windows: [], tracks: [], channels: [], ...(await seasonSchoolsOf(db, seasonId)) };
  const [windowRows, trackRows, channelRows] = await Promise.all([
    db.select().from(windows).where(inArray(windows.entryId, entryIds)),
    db.select().from(tracks).where(inArray(tracks.entryId, entryIds)).orderBy(asc(tracks.sort)),
    db
      .select({ channel: channels, entryId: tracks.entryId, track: tracks.name })
      .from(channels)
      .innerJoin(tracks, eq(tracks.id, channels.trackId))
      .where(inArray(tracks.entryId, entryIds))
      .orderBy(asc(tracks.sort), asc(channels.sort)),
  ]);
  const schoolRows = await seasonSchoolsOf(db, seasonId);
  return { entries: entryRows, windows: windowRows, tracks: trackRows, channels: channelRows, ...schoolRows };
}

/** What the publish check reads: the season's entries with windows and channels, the region's schools and communities. */
async function seasonFacts(db: Db, season: typeof seasons.$inferSelect): Promise<SeasonFacts> {
  const [catalog, communityRows, others] = await Promise.all([
    seasonCatalog(db, season.id),
    db.select().from(communities).where(eq(communities.regionId, season.regionId)).orderBy(asc(communities.sort)),
    db
      .select({ season: seasons.name, entry: entries.name, window: windows })
      .from(windows)
      .innerJoin(entries, eq(entries.id, windows.entryId))
      .innerJoin(seasons, eq(seasons.id, entries.seasonId))
      .where(and(eq(seasons.regionId, season.regionId), eq(seasons.status, 'published'), ne(seasons.id, season.id))),
  ]);
  return {
    entries: catalog.entries.map((e) => ({
      name: e.name,
      window: catalog.windows.find((w) => w.entryId === e.id) ?? null,
      levels: [...new Set(catalog.tracks.filter((t) => t.entryId === e.id).map((t) => t.level))],
      channels: catalog.channels
        .filter((c) => c.entryId === e.id && c.channel.enabled)
        .map((c) => ({ name: c.channel.name, track: c.track, documents: c.channel.documents, eligibility: c.channel.eligibility })),
    })),
    schools: catalog.schools.map(({ offer, school }) => ({
      name: school.name,
      level: school.level,
      capacity: catalog.places.filter((p) => p.seasonSchoolId === offer.id).reduce((sum, p) => sum + p.places, 0),
      communities: catalog.catchments.filter((c) => c.seasonSchoolId === offer.id).map((c) => c.community),
    })),
    communities: communityRows.map((c) => c.name),
    otherWindows: others.map((o) => ({ season: o.season, entry: o.entry, opensAt: o.window.opensAt, closesAt: o.window.closesAt })),
  };
}

/** The problems that keep a season from being published (none: it may be). */
export async function checkSeason(db: Db, seasonId: string) {
  const season = await seasonOf(db, seasonId);
  return { seasonId, status: season.status, version: season.version, problems: publishProblems(await seasonFacts(db, season)) };
}

/**
 * Publishes a draft season after the check finds nothing, in one guarded batch with its audit entry: from then on it is
 * the season parents of the region see (the newest published one). Two administrators: the second gets CONFLICT.
 */
export async function publishSeason(deps: Deps, admin: SignedInStaff, input: { seasonId: string; version: number }, request: Request) {
  const { db } = deps;
  const now = deps.clock.now();
  const season = await seasonOf(db, input.seasonId);
  if (season.version !== input.version) throw seasonStale();
  if (season.status === 'published') throw new DomainError('SEASON_CHANGED', '该招生季已发布');
  const problems = publishProblems(await seasonFacts(db, season));
  if (problems.length) throw new DomainError('INVALID_INPUT', `还有 ${problems.length} 个问题，解决后才能发布：${problems[0]}`);
  const done = await commitChange(db, deps.random, {
    table: seasons,
    key: { column: seasons.id, value: season.id },
    guard: { version: input.version, status: 'draft' },
    set: { status: 'published', publishedAt: now, version: input.version + 1, updatedAt: now },
    nonce: seasons.changeNonce,
    followUps: (won) => [
      auditStatement(
        db,
        {
          staffId: admin.staffId,
          username: admin.username,
          action: 'season_publish',
          detail: { seasonId: season.id, name: season.name },
          ...request,
          at: now,
        },
        won,
      ),
    ],
  });
  if (!done.won) throw seasonStale();
  return { id: season.id, status: 'published' as const, version: input.version + 1 };
}

/**
 * A new draft season copied from an earlier one of the same region: entries, windows, tracks, channels (with their
 * documents and cut-off dates) and pages, every date moved by `years` and each moved date listed for review. One batch;
 * a code the region already has answers CONFLICT and writes nothing.
 */
export async function copySeason(
  deps: Deps,
  admin: SignedInStaff,
  input: { fromSeasonId: string; code: string; name: string; years: number },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const from = await seasonOf(db, input.fromSeasonId);
  const taken = () => new DomainError('SEASON_EXISTS', `该区域已有编号为 ${input.code} 的招生季`);
  const [existing] = await db
    .select({ id: seasons.id })
    .from(seasons)
    .where(and(eq(seasons.regionId, from.regionId), eq(seasons.code, input.code)));
  if (existing) throw taken();

  const seasonId = newId(deps.random);
  const moved: { what: string; from: string; to: string }[] = [];
  const [catalog, pageRows, rulesRows] = await Promise.all([
    seasonCatalog(db, from.id),
    db.select().from(pages).where(eq(pages.seasonId, from.id)),
    db.select().from(placementRules).where(eq(placementRules.seasonId, from.id)),
  ]);
  const rows: {
    table:
      | typeof entries
      | typeof windows
      | typeof tracks
      | typeof channels
      | typeof pages
      | typeof seasonSchools
      | typeof schoolPlaces
      | typeof seasonCatchments
      | typeof placementRules;
    values: Record<string, unknown>;
  }[] = [];
  const entryIds = new Map<string, string>();
  for (const entry of catalog.entries) {
    const entryId = newId(deps.random);
    entryIds.set(entry.id, entryId);
    rows.push({ table: entries, values: { ...entry, id: entryId, seasonId, updatedAt: now } });
    const window = catalog.windows.find((w) => w.entryId === entry.id);
    if (window) {
      const move = (at: Date | null) => (at ? moveInstantByYears(at, input.years) : null);
      const next = {
        opensAt: moveInstantByYears(window.opensAt, input.years),
        closesAt: moveInstantByYears(window.closesAt, input.years),
        correctionDays: window.correctionDays,
        reviewEndsAt: move(window.reviewEndsAt),
        schoolReviewEndsAt: move(window.schoolReviewEndsAt),
      };
      moved.push({ what: `「${entry.name}」报名时间`, from: describeSchedule(window), to: describeSchedule(next) });
      rows.push({ table: windows, values: { id: newId(deps.random), entryId, ...next, version: 0, changeNonce: null, updatedAt: now } });
    }
    for (const track of catalog.tracks.filter((t) => t.entryId === entry.id)) {
      const trackId = newId(deps.random);
      rows.push({ table: tracks, values: { ...track, id: trackId, entryId, updatedAt: now } });
      for (const { channel } of catalog.channels.filter((c) => c.channel.trackId === track.id)) {
        const before = channel.eligibility.before;
        const eligibility = before ? { ...channel.eligibility, before: moveDayByYears(before, input.years) } : channel.eligibility;
        if (before)
          moved.push({ what: `「${entry.name} · ${track.name} · ${channel.name}」截止日期`, from: before, to: eligibility.before! });
        rows.push({
          table: channels,
          values: { ...channel, id: newId(deps.random), trackId, eligibility, version: 0, changeNonce: null, updatedAt: now },
        });
      }
    }
  }
  for (const { offer } of catalog.schools) {
    const seasonSchoolId = newId(deps.random);
    rows.push({ table: seasonSchools, values: { ...offer, id: seasonSchoolId, seasonId, version: 0, changeNonce: null, updatedAt: now } });
    for (const place of catalog.places.filter((p) => p.seasonSchoolId === offer.id)) {
      const entryId = entryIds.get(place.entryId);
      if (entryId) rows.push({ table: schoolPlaces, values: { ...place, seasonSchoolId, entryId } });
    }
    for (const c of catalog.catchments.filter((c) => c.seasonSchoolId === offer.id)) {
      rows.push({ table: seasonCatchments, values: { seasonSchoolId, communityId: c.communityId } });
    }
  }
  for (const rules of rulesRows) {
    rows.push({ table: placementRules, values: { ...rules, seasonId, version: 0, changeNonce: null, updatedAt: now } });
  }
  for (const page of pageRows) {
    rows.push({ table: pages, values: { ...page, id: newId(deps.random), seasonId, changeNonce: null, updatedAt: now } });
  }

  const created = rowExists(seasons, eq(seasons.id, seasonId));
  await db.batch([
    db
      .insert(seasons)
      .values({
        id: seasonId,
        regionId: from.regionId,
        code: input.code,
        name: input.name,
        year: from.year + input.years,
        status: 'draft',
        updatedAt: now,
      })
      .onConflictDoNothing(),
    ...rows.map((r) => insertWhen(db, r.table as never, r.values as never, created)),
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'season_copy',
        detail: { from: from.name, seasonId, name: input.name, years: input.years, moved: moved.length },
        ...request,
        at: now,
      },
      created,
    ),
  ]);
  const [made] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.id, seasonId));
  if (!made) throw taken();
  return { id: seasonId, status: 'draft' as const, version: 0, moved };
}

import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
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
} from '../../db/schema';
import type { Level } from '../domain/catalog';
import { DomainError } from '../domain/errors';
import { type CatalogCache, noCatalogCache } from './catalog-cache';
import { describeWindow, windowState } from '../domain/window';

const iso = (d: Date) => d.toISOString();

async function currentSeason(db: Db, regionId: string) {
  const [season] = await db
    .select()
    .from(seasons)
    .where(and(eq(seasons.regionId, regionId), eq(seasons.status, 'published')))
    .orderBy(desc(seasons.year))
    .limit(1);
  if (!season) throw new DomainError('SEASON_NOT_FOUND', '该区域暂无招生季');
  return season;
}

async function requireRegion(db: Db, regionId: string) {
  const [region] = await db.select().from(regions).where(eq(regions.id, regionId));
  if (!region) throw new DomainError('REGION_NOT_FOUND', '找不到该区域');
  return region;
}

/** The region's current season (the newest published one): NOT_FOUND for an unknown region or one without a season. */
export async function currentSeasonOf(db: Db, regionId: string) {
  await requireRegion(db, regionId);
  return currentSeason(db, regionId);
}

function windowView(window: { opensAt: Date; closesAt: Date }, now: Date) {
  return {
    opensAt: iso(window.opensAt),
    closesAt: iso(window.closesAt),
    state: windowState(window, now),
    text: describeWindow(window),
  };
}

/**
 * Every region, in the order administrators gave them, with its current season's name. Not kept in memory: it is one
 * round trip already, and it is how a page finds out that the database is unreachable (503) before anything else.
 */
export async function listRegions(db: Db) {
  const [regionRows, seasonRows] = await db.batch([
    db.select().from(regions).orderBy(asc(regions.sort), asc(regions.code)),
    db.select().from(seasons).where(eq(seasons.status, 'published')).orderBy(desc(seasons.year)),
  ]);
  return regionRows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    /** 咨询电话 and address of the bureau's office, and the footer's 主办单位 and ICP record number. */
    contact: { phone: r.contactPhone, address: r.address ?? undefined, sponsor: r.sponsor, icp: r.icp },
    seasonName: seasonRows.find((s) => s.regionId === r.id)?.name ?? null,
  }));
}

/**
 * A region, its current season, the season's entries with their windows, and their tracks, as parents see them but
 * for the windows' state: one batch, so one round trip to a remote database.
 */
async function readRegionCatalog(db: Db, regionId: string) {
  const current = db
    .select({ id: seasons.id })
    .from(seasons)
    .where(and(eq(seasons.regionId, regionId), eq(seasons.status, 'published')))
    .orderBy(desc(seasons.year))
    .limit(1);
  const [regionRows, seasonRows, entryRows, trackRows] = await db.batch([
    db.select().from(regions).where(eq(regions.id, regionId)),
    db.select().from(seasons).where(inArray(seasons.id, current)),
    db
      .select({ entry: entries, window: windows })
      .from(entries)
      .innerJoin(windows, eq(windows.entryId, entries.id))
      .where(inArray(entries.seasonId, current))
      .orderBy(asc(entries.sort)),
    db
      .select()
      .from(tracks)
      .where(inArray(tracks.entryId, db.select({ id: entries.id }).from(entries).where(inArray(entries.seasonId, current))))
      .orderBy(asc(tracks.sort)),
  ]);
  const [region] = regionRows;
  if (!region) throw new DomainError('REGION_NOT_FOUND', '找不到该区域');
  const [season] = seasonRows;
  if (!season) throw new DomainError('SEASON_NOT_FOUND', '该区域暂无招生季');
  return {
    id: region.id,
    code: region.code,
    name: region.name,
    /** 咨询电话 and address of the bureau's office, and the footer's 主办单位 and ICP record number. */
    contact: { phone: region.contactPhone, address: region.address ?? undefined, sponsor: region.sponsor, icp: region.icp },
    season: { id: season.id, code: season.code, name: season.name, year: season.year },
    entries: entryRows.map(({ entry, window }) => ({
      id: entry.id,
      code: entry.code,
      name: entry.name,
      description: entry.description,
      gradeMin: entry.gradeMin,
      gradeMax: entry.gradeMax,
      window,
      windowText: { opensAt: iso(window.opensAt), closesAt: iso(window.closesAt), text: describeWindow(window) },
      tracks: trackRows
        .filter((t) => t.entryId === entry.id)
        .map((t) => ({
          id: t.id,
          code: t.code,
          name: t.name,
          description: t.description,
          level: t.level,
          gradeMin: t.gradeMin,
          gradeMax: t.gradeMax,
        })),
    })),
  };
}

/**
 * A region's current season: its entries (报名入口) with their windows as of `now`, and their tracks. The rows come
 * from `cache` when it has them; the windows' state is always worked out from `now`.
 */
export async function getRegion(db: Db, regionId: string, now: Date, cache: CatalogCache = noCatalogCache) {
  const kept = await cache.get(`region:${regionId}`, () => readRegionCatalog(db, regionId));
  return {
    id: kept.id,
    code: kept.code,
    name: kept.name,
    contact: kept.contact,
    season: kept.season,
    now: iso(now),
    entries: kept.entries.map((e) => ({
      id: e.id,
      code: e.code,
      name: e.name,
      description: e.description,
      gradeMin: e.gradeMin,
      gradeMax: e.gradeMax,
      window: {
        opensAt: e.windowText.opensAt,
        closesAt: e.windowText.closesAt,
        state: windowState(e.window, now),
        text: e.windowText.text,
      },
      tracks: e.tracks,
    })),
  };
}

/** An entry of a published season, its window, tracks and enabled channels: one batch, so one round trip. */
async function readChannels(db: Db, entryId: string) {
  const [entryRows, trackRows, channelRows] = await db.batch([
    // A draft season's entries are not there for parents until it is published.
    db
      .select({ entry: entries, window: windows })
      .from(entries)
      .innerJoin(windows, eq(windows.entryId, entries.id))
      .innerJoin(seasons, eq(seasons.id, entries.seasonId))
      .where(and(eq(entries.id, entryId), eq(seasons.status, 'published'))),
    db.select().from(tracks).where(eq(tracks.entryId, entryId)).orderBy(asc(tracks.sort)),
    db
      .select()
      .from(channels)
      .where(
        and(
          inArray(channels.trackId, db.select({ id: tracks.id }).from(tracks).where(eq(tracks.entryId, entryId))),
          // A disabled channel is not offered; applications already in it keep it (they read it through their own row).
          eq(channels.enabled, true),
        ),
      )
      .orderBy(asc(channels.sort)),
  ]);
  const [row] = entryRows;
  if (!row) throw new DomainError('ENTRY_NOT_FOUND', '找不到该报名入口');
  return { row, trackRows, channelRows };
}

/** An entry's channels (报名通道), grouped by track, each with its definition, checks and documents. */
export async function listChannels(db: Db, entryId: string, now: Date, cache: CatalogCache = noCatalogCache) {
  const { row, trackRows, channelRows } = await cache.get(`channels:${entryId}`, () => readChannels(db, entryId));
  return {
    entry: {
      id: row.entry.id,
      code: row.entry.code,
      name: row.entry.name,
      description: row.entry.description,
      window: windowView(row.window, now),
    },
    tracks: trackRows.map((t) => ({
      id: t.id,
      code: t.code,
      name: t.name,
      description: t.description,
      level: t.level,
      gradeMin: t.gradeMin,
      gradeMax: t.gradeMax,
      channels: channelRows
        .filter((c) => c.trackId === t.id)
        .map((c) => ({
          id: c.id,
          code: c.code,
          name: c.name,
          definition: c.definition,
          eligibility: c.eligibility,
          documents: c.documents,
        })),
    })),
  };
}

/** The current season's schools, optionally of one level and serving one community (招生范围). */
export async function listSchools(db: Db, input: { regionId: string; level?: Level; community?: string }) {
  await requireRegion(db, input.regionId);
  const season = await currentSeason(db, input.regionId);
  const filters = [eq(seasonSchools.seasonId, season.id)];
  if (input.level) filters.push(eq(schools.level, input.level));
  if (input.community) {
    const served = db
      .select({ id: seasonCatchments.seasonSchoolId })
      .from(seasonCatchments)
      .innerJoin(communities, eq(communities.id, seasonCatchments.communityId))
      .where(and(eq(communities.regionId, input.regionId), eq(communities.name, input.community)));
    filters.push(inArray(seasonSchools.id, served));
  }
  const schoolRows = await db
    .select({ school: schools, offer: seasonSchools })
    .from(seasonSchools)
    .innerJoin(schools, eq(schools.id, seasonSchools.schoolId))
    .where(and(...filters))
    .orderBy(asc(seasonSchools.sort));
  if (schoolRows.length === 0) return [];
  const offerIds = schoolRows.map((r) => r.offer.id);
  const [catchmentRows, placeRows] = await db.batch([
    db
      .select({ seasonSchoolId: seasonCatchments.seasonSchoolId, name: communities.name })
      .from(seasonCatchments)
      .innerJoin(communities, eq(communities.id, seasonCatchments.communityId))
      .where(inArray(seasonCatchments.seasonSchoolId, offerIds))
      .orderBy(asc(communities.sort)),
    db
      .select({ seasonSchoolId: schoolPlaces.seasonSchoolId, places: schoolPlaces.places })
      .from(schoolPlaces)
      .where(inArray(schoolPlaces.seasonSchoolId, offerIds)),
  ]);
  return schoolRows.map(({ school, offer }) => ({
    id: school.id,
    code: school.code,
    name: school.name,
    level: school.level,
    /** 计划学位 of the season, every entry and grade together. */
    capacity: placeRows.filter((p) => p.seasonSchoolId === offer.id).reduce((sum, p) => sum + p.places, 0),
    address: offer.address,
    contactPhone: offer.contactPhone,
    /** 学位预警 published by the bureau, if any. */
    demandNotice: offer.demandNotice,
    communities: catchmentRows.filter((c) => c.seasonSchoolId === offer.id).map((c) => c.name),
  }));
}

/** The region's communities (社区), in the order parents look for them. */
export async function listCommunities(db: Db, regionId: string) {
  await requireRegion(db, regionId);
  return db
    .select({ id: communities.id, name: communities.name })
    .from(communities)
    .where(eq(communities.regionId, regionId))
    .orderBy(asc(communities.sort));
}

/** The current season's policy pages: 招生工作方案, 家长操作手册, 常见问题, 报名须知. */
export function listPages(db: Db, regionId: string, render: AppDeps['renderMarkdown'], cache: CatalogCache = noCatalogCache) {
  return cache.get(`pages:${regionId}`, () => readPages(db, regionId, render));
}

async function readPages(db: Db, regionId: string, render: AppDeps['renderMarkdown']) {
  await requireRegion(db, regionId);
  const season = await currentSeason(db, regionId);
  const rows = await db.select().from(pages).where(eq(pages.seasonId, season.id)).orderBy(asc(pages.sort));
  // `html` is the body rendered on save or at seeding (which also fills older rows); one written some other way is
  // rendered as it is read.
  return Promise.all(
    rows.map(async (p) => ({
      id: p.id,
      slug: p.slug,
      title: p.title,
      body: p.body,
      html: p.html ?? (await render(p.body)),
      updatedAt: iso(p.updatedAt),
    })),
  );
}

/**
 * What the home page shows first, in one read for the shell: the regions and, when there is one or the parent's
 * remembered town is one of them, that town's season and its pages.
 */
export async function homeSnapshot(
  db: Db,
  now: Date,
  render: AppDeps['renderMarkdown'],
  rememberedTown?: string,
  cache: CatalogCache = noCatalogCache,
) {
  const regionList = await listRegions(db);
  const opened = regionList.length === 1 ? regionList[0]! : regionList.find((r) => r.id === rememberedTown && r.seasonName !== null);
  if (!opened) return { regions: regionList };
  const [region, pageList] = await Promise.all([getRegion(db, opened.id, now, cache), listPages(db, opened.id, render, cache)]);
  return { regions: regionList, region, pages: pageList };
}

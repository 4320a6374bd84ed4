import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ChannelDocument, ChannelEligibility, EntryCode, Level, PageSlug } from '../src/domain/catalog';

/** Instants are UTC epoch milliseconds; drizzle hands them over as `Date`. */
const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });
const updatedAt = () => instant('updated_at').notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const regions = sqliteTable('regions', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  updatedAt: updatedAt(),
});

export const seasons = sqliteTable('seasons', {
  id: text('id').primaryKey(),
  regionId: text('region_id').notNull().references(() => regions.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('seasons_region_code').on(t.regionId, t.code)]);

export const entries = sqliteTable('entries', {
  id: text('id').primaryKey(),
  seasonId: text('season_id').notNull().references(() => seasons.id),
  code: text('code').$type<EntryCode>().notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  gradeMin: integer('grade_min').notNull(),
  gradeMax: integer('grade_max').notNull(),
  sort: integer('sort').notNull(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('entries_season_code').on(t.seasonId, t.code)]);

/** The registration window of an entry: open from `opensAt` (inclusive) until `closesAt` (exclusive). */
export const windows = sqliteTable('windows', {
  id: text('id').primaryKey(),
  entryId: text('entry_id').notNull().unique().references(() => entries.id),
  opensAt: instant('opens_at').notNull(),
  closesAt: instant('closes_at').notNull(),
  updatedAt: updatedAt(),
});

/** A sub-division of an entry with its own level and grades (县城小学毕业生, 小学插班生, …). */
export const tracks = sqliteTable('tracks', {
  id: text('id').primaryKey(),
  entryId: text('entry_id').notNull().references(() => entries.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  level: text('level').$type<Level>().notNull(),
  gradeMin: integer('grade_min').notNull(),
  gradeMax: integer('grade_max').notNull(),
  sort: integer('sort').notNull(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('tracks_entry_code').on(t.entryId, t.code)]);

export const channels = sqliteTable('channels', {
  id: text('id').primaryKey(),
  trackId: text('track_id').notNull().references(() => tracks.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  definition: text('definition').notNull(),
  eligibility: text('eligibility', { mode: 'json' }).$type<ChannelEligibility>().notNull(),
  documents: text('documents', { mode: 'json' }).$type<ChannelDocument[]>().notNull(),
  sort: integer('sort').notNull(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('channels_track_code').on(t.trackId, t.code)]);

export const communities = sqliteTable('communities', {
  id: text('id').primaryKey(),
  regionId: text('region_id').notNull().references(() => regions.id),
  name: text('name').notNull(),
  sort: integer('sort').notNull(),
}, (t) => [uniqueIndex('communities_region_name').on(t.regionId, t.name)]);

export const schools = sqliteTable('schools', {
  id: text('id').primaryKey(),
  regionId: text('region_id').notNull().references(() => regions.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  level: text('level').$type<Level>().notNull(),
  capacity: integer('capacity').notNull(),
  address: text('address').notNull(),
  sort: integer('sort').notNull(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('schools_region_code').on(t.regionId, t.code), index('schools_region_level').on(t.regionId, t.level)]);

/** 招生范围: which communities a school serves. */
export const catchments = sqliteTable('catchments', {
  schoolId: text('school_id').notNull().references(() => schools.id),
  communityId: text('community_id').notNull().references(() => communities.id),
}, (t) => [primaryKey({ columns: [t.schoolId, t.communityId] }), index('catchments_community').on(t.communityId)]);

/** Policy pages of a region's season: 招生工作方案, 家长操作手册, 常见问题, 报名须知. */
export const pages = sqliteTable('pages', {
  id: text('id').primaryKey(),
  seasonId: text('season_id').notNull().references(() => seasons.id),
  slug: text('slug').$type<PageSlug>().notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  sort: integer('sort').notNull(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('pages_season_slug').on(t.seasonId, t.slug)]);

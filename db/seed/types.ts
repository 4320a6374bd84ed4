import type { TierTable } from '../../src/domain/placement/tiers';
import type { ChannelDocument, ChannelEligibility, EntryCode, Level, PageSlug } from '../../src/domain/catalog';

/** One season of one region, as the seed writes it. Codes are stable natural keys: seeding upserts by them. */
export interface SeedSeason {
  /** `sort`: the town's place in the parents' list. */
  region: { code: string; name: string; contactPhone: string; address: string; sponsor: string; icp: string; sort: number };
  season: { code: string; name: string; year: number };
  /** Communities (社区/村) of the region; schools' catchments name them. */
  communities: string[];
  entries: SeedEntry[];
  schools: SeedSchool[];
  pages: SeedPage[];
  /** 派位规则: the priority tiers at every school, best first. */
  placementTiers: TierTable;
}

export interface SeedEntry {
  code: EntryCode;
  name: string;
  /** Who this entry is for, shown on the entry card. */
  description: string;
  /** ISO instants with offset, e.g. `2024-07-15T00:00:00+08:00`; closesAt is exclusive. */
  opensAt: string;
  closesAt: string;
  tracks: SeedTrack[];
}

/** A sub-division of an entry (e.g. 县城小学毕业生 / 非县城小学毕业生; 小学插班生 / 初中插班生). */
export interface SeedTrack {
  code: string;
  name: string;
  description: string;
  level: Level;
  gradeMin: number;
  gradeMax: number;
  channels: SeedChannel[];
}

export interface SeedChannel {
  code: string;
  name: string;
  /** 说明与要求: the guide's definition, word for word where the guide gives it. */
  definition: string;
  eligibility: ChannelEligibility;
  /** Every document the parent must provide for this channel, the common ones included. */
  documents: ChannelDocument[];
}

export interface SeedSchool {
  code: string;
  name: string;
  level: Level;
  /** 计划学位 for the season, per entry and grade. */
  places: SeedPlaces[];
  address: string;
  /** 咨询电话 */
  contactPhone: string;
  communities: string[];
}

export interface SeedPlaces {
  entry: EntryCode;
  grade: number;
  places: number;
}

export interface SeedPage {
  slug: PageSlug;
  title: string;
  /** Plain text; blank lines separate paragraphs, lines starting with "## " are headings, "- " list items. */
  body: string;
}

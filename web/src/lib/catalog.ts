import { query } from '@solidjs/router';
import { NotFoundError } from './errors';
import { snapshotRegionId, takeFromSnapshot } from './catalog-snapshot';
import { api, type RouterOutputs } from './trpc';

// Catalog reads. The router caches each by its arguments, so a route's preload is reused by its page.

/**
 * The bureau's contacts (咨询电话, office address, 主办单位, ICP number) for the footer and the pages that name them: the
 * region's when the page belongs to one, else the first region's. Never fails a page: without the catalog it is
 * undefined and they show nothing.
 */
export const getBureauContact = (regionId?: string) =>
  getRegions().then(
    (list) => (list.find((r) => r.id === regionId) ?? list[0])?.contact,
    () => undefined,
  );

export const getRegions = query(async () => takeFromSnapshot('regions') ?? api.catalog.regions.query(), 'catalog.regions');

export const getRegion = query(
  async (regionId: string) => takeFromSnapshot('region', (r) => r.id === regionId) ?? api.catalog.region.query({ regionId }),
  'catalog.region',
);

export const getChannels = query((entryId: string) => api.catalog.channels.query({ entryId }), 'catalog.channels');

/** 个人信息保护告知书, as the guardian agrees to it at sign-in. */
export const getPrivacyNotice = query(() => api.catalog.privacyNotice.query(), 'catalog.privacyNotice');

export const getPages = query(
  async (regionId: string) => takeFromSnapshot('pages', () => snapshotRegionId === regionId) ?? api.catalog.pages.query({ regionId }),
  'catalog.pages',
);

/** 派位规则 and the lottery's public commitments of the region's current season. */
export const getPlacement = query((regionId: string) => api.catalog.placement.query({ regionId }), 'catalog.placement');

export const getCommunities = query((regionId: string) => api.catalog.communities.query({ regionId }), 'catalog.communities');

export const getSchools = query(
  (regionId: string, community?: string) => api.catalog.schools.query({ regionId, community }),
  'catalog.schools',
);

/** The schools of one level that serve a community (招生范围): the two choices of an application. */
export const getServingSchools = query(
  (regionId: string, level: 'primary' | 'junior', community: string) => api.catalog.schools.query({ regionId, level, community }),
  'catalog.schools.serving',
);

/** The region (and season) an entry belongs to: the entry pages know only the entry. */
export const getEntryRegion = query(async (entryId: string) => {
  for (const { id } of await getRegions()) {
    const region = await getRegion(id);
    if (region.entries.some((e) => e.id === entryId)) return region;
  }
  throw new NotFoundError(entryId);
}, 'catalog.entryRegion');

export type Region = RouterOutputs['catalog']['region'];
export type Entry = Region['entries'][number];
export type EntryWindow = Entry['window'];
export type Channels = RouterOutputs['catalog']['channels'];
export type Track = Channels['tracks'][number];
export type Channel = Track['channels'][number];
export type ChannelDocument = Channel['documents'][number];
export type School = RouterOutputs['catalog']['schools'][number];
export type Page = RouterOutputs['catalog']['pages'][number];

import { query } from '@solidjs/router';
import { api, type RouterOutputs } from './trpc';

// Catalog reads. The router caches each by its arguments, so a route's preload is reused by its page.

export const getRegions = query(() => api.catalog.regions.query(), 'catalog.regions');

export const getRegion = query((regionId: string) => api.catalog.region.query({ regionId }), 'catalog.region');

export const getChannels = query((entryId: string) => api.catalog.channels.query({ entryId }), 'catalog.channels');

export const getPages = query((regionId: string) => api.catalog.pages.query({ regionId }), 'catalog.pages');

export const getCommunities = query((regionId: string) => api.catalog.communities.query({ regionId }), 'catalog.communities');

export const getSchools = query(
  (regionId: string, community?: string) => api.catalog.schools.query({ regionId, community }),
  'catalog.schools',
);

export type Region = RouterOutputs['catalog']['region'];
export type Entry = Region['entries'][number];
export type EntryWindow = Entry['window'];
export type Channels = RouterOutputs['catalog']['channels'];
export type Track = Channels['tracks'][number];
export type Channel = Track['channels'][number];
export type ChannelDocument = Channel['documents'][number];
export type School = RouterOutputs['catalog']['schools'][number];
export type Page = RouterOutputs['catalog']['pages'][number];

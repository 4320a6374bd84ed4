import type { RouteDefinition } from '@solidjs/router';
import { accountRoutes } from '../account/routes';
import { applyRoutes } from '../apply/routes';
import { getChannels, getCommunities, getPages, getPlacement, getRegion, getRegions, getSchools } from '../lib/catalog';
import { Home, TownsRoute } from './home';
import { later } from './later';
import { NotFound } from './not-found';
import { RegionRoute } from './region-home';

const SchoolsPage = later('SchoolsPage');
const PolicyPage = later('PolicyPage');
const PlacementPage = later('PlacementPage');
const EntryPage = later('EntryPage');

/** The parent journey. Preloads start each page's reads on link intent, before the page renders. */
export const parentRoutes: RouteDefinition[] = [
  { path: '/', component: Home, preload: () => void getRegions() },
  { path: '/towns', component: TownsRoute, preload: () => void getRegions() },
  {
    path: '/regions/:regionId',
    component: RegionRoute,
    preload: ({ params }) => {
      void getRegion(params.regionId!);
      void getPages(params.regionId!);
    },
  },
  {
    path: '/regions/:regionId/schools',
    component: SchoolsPage,
    preload: ({ params, location }) => {
      void getRegion(params.regionId!);
      void getCommunities(params.regionId!);
      void getSchools(params.regionId!, (location.query.community as string | undefined) || undefined);
    },
  },
  { path: '/regions/:regionId/pages/:slug', component: PolicyPage, preload: ({ params }) => void getPages(params.regionId!) },
  { path: '/regions/:regionId/placement', component: PlacementPage, preload: ({ params }) => void getPlacement(params.regionId!) },
  { path: '/entries/:entryId', component: EntryPage, preload: ({ params }) => void getChannels(params.entryId!) },
  ...accountRoutes,
  ...applyRoutes,
  { path: '*404', component: NotFound },
];

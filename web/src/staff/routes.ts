import type { RouteDefinition, RouteSectionProps } from '@solidjs/router';
import { type JSX, lazy } from 'solid-js';

/** A component of the desk, loaded when first shown: none of the desk's code is in the parents' bundle. */
function page<K extends string>(load: () => Promise<Record<K, (props: RouteSectionProps) => JSX.Element>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/** The desk is one chunk: its frame and its pages (`staff-app.tsx` exports them all). */
const desk = () => import('./staff-app');

/**
 * `/staff/*`, the desktop review desk: its frame, sign-in at `/staff`, and behind sign-in the desk's bar around the
 * queue, an application's detail, 录取名单, 学位预警, 绑定申诉 (county and administrators), the audit log, staff accounts and the towns of the
 * county (administrators).
 */
export const staffRoutes: RouteDefinition = {
  path: '/staff',
  component: page(desk, 'StaffFrame'),
  children: [
    { path: '/', component: page(desk, 'SignInPage') },
    {
      path: '/',
      component: page(desk, 'Desk'),
      children: [
        { path: '/queue', component: page(desk, 'QueuePage') },
        { path: '/applications/:id', component: page(desk, 'DetailRoute') },
        { path: '/confirmed', component: page(desk, 'ConfirmedPage') },
        { path: '/demand', component: page(desk, 'DemandPage') },
        { path: '/', component: page(desk, 'CountyOnly'), children: { path: '/appeals', component: page(desk, 'AppealsPage') } },
        {
          path: '/',
          component: page(desk, 'AdminOnly'),
          children: [
            { path: '/audit', component: page(desk, 'AuditPage') },
            { path: '/accounts', component: page(desk, 'AccountsPage') },
            { path: '/admin/keys', component: page(desk, 'KeysPage') },
            { path: '/admin/regions', component: page(desk, 'RegionsPage') },
            { path: '/admin/seasons', component: page(desk, 'SeasonsPage') },
            { path: '/admin/windows', component: page(desk, 'WindowsPage') },
            { path: '/admin/channels', component: page(desk, 'ChannelsPage') },
            { path: '/admin/schools', component: page(desk, 'SchoolsPage') },
            { path: '/admin/placement', component: page(desk, 'PlacementPage') },
            { path: '/admin/pages', component: page(desk, 'PagesPage') },
          ],
        },
        { path: '*rest', component: page(desk, 'NotFoundPage') },
      ],
    },
  ],
};

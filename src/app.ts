import { deskRoutes } from './api/desk-routes';
import { appRouter } from './api/router';
import { type DepsSource, type HostHooks, httpApp } from './http-app';

export type { App, DepsSource, HostHooks } from './http-app';

/**
 * The whole platform as one Hono app (with the routes only the staff Worker serves at the edge); hosts (`worker/index.ts`, `worker/node.ts`) only build `deps` and serve it.
 *
 * @example const app = createApp(await buildDeps(config, db, files), { clientIp: (c) => getConnInfo(c).remote.address ?? null });
 */
export function createApp(source: DepsSource, hooks: HostHooks = {}) {
  return httpApp(appRouter, source, hooks, deskRoutes);
}

import { Hono, type Context as HonoContext } from 'hono';
import type { AppDeps } from './context';
import { myDataRoutes } from './my-data';

/**
 * The HTTP routes only the staff Worker serves (`staffHttpPaths` in ./staff-paths.ts), mounted at `/api` by
 * `createApp`; the main Worker's app leaves them out and hands such requests on (decision 027).
 */
export function deskRoutes(depsOf: (c: HonoContext) => AppDeps, clientIp: (c: HonoContext) => string | null) {
  const routes = new Hono();
  routes.route('/my-data', myDataRoutes(depsOf, clientIp));
  return routes;
}

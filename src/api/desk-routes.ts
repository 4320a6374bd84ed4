import { Hono } from 'hono/tiny';
import type { Context as HonoContext } from 'hono';
import type { HostHooks } from '../http-app';
import type { AppDeps } from './context';
import { exportsRoutes } from './exports';
import { myDataRoutes } from './my-data';
import { integratorRoutes } from './rest/integrator-routes';

/**
 * The HTTP routes only the staff Worker serves (`staffHttpPaths` in ./staff-paths.ts), mounted at `/api` by
 * `createApp`; the main Worker's app leaves them out and hands such requests on (decision 027).
 */
export function deskRoutes(depsOf: (c: HonoContext) => AppDeps, clientIp: (c: HonoContext) => string | null, hooks: HostHooks = {}) {
  const routes = new Hono();
  routes.route('/exports', exportsRoutes(depsOf, clientIp, hooks.workbook));
  routes.route('/my-data', myDataRoutes(depsOf, clientIp));
  routes.route('/', integratorRoutes(depsOf, clientIp));
  return routes;
}

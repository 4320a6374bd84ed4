import { Hono, type Context as HonoContext } from 'hono';
import type { AppDeps } from './context';
import { integratorRoutes } from './rest/integrator-routes';

/**
 * The HTTP routes only the staff Worker serves (`staffHttpPaths` in ./staff-paths.ts), mounted at `/api` by
 * `createApp`; the main Worker's app leaves them out and hands such requests on (decision 027).
 */
export function deskRoutes(depsOf: (c: HonoContext) => AppDeps, clientIp: (c: HonoContext) => string | null) {
  const routes = new Hono();
  routes.route('/', integratorRoutes(depsOf, clientIp));
  return routes;
}

import type { Context as HonoContext } from 'hono';
import type { AppDeps } from '../context';
import { restRoutes } from './adapter';
import { cachedOpenApiDocument } from './openapi-document';
import { referencePage } from './reference-page';

let page: string | null = null;

/** Under `/api`: the REST paths (`/v1/…`), their OpenAPI document and its reference page (decision 031). */
export function integratorRoutes(depsOf: (c: HonoContext) => AppDeps, clientIp: (c: HonoContext) => string | null) {
  const routes = restRoutes(depsOf, clientIp);
  routes.get('/openapi.json', (c) => c.json(cachedOpenApiDocument()));
  routes.get('/reference', (c) => {
    if (page === null) page = referencePage(cachedOpenApiDocument());
    return c.html(page);
  });
  return routes;
}

import { Hono } from 'hono/tiny';
import type { Context as HonoContext } from 'hono';
import { DomainError } from '../domain/errors';
import { idPattern } from '../domain/ids';
import { drawFile } from '../services/placement/draw';
import type { AppDeps } from './context';
import { filesError } from './files';

/**
 * A draw's published files, for anyone to download and re-run with `npm run placement:verify`:
 * `GET /api/placement/draws/:id/inputs.json` (anonymised: application numbers, choices, tiers, seats) and
 * `GET /api/placement/draws/:id/results.json`, byte for byte as their published SHA-256 says.
 */
export function placementFilesRoutes(depsOf: (c: HonoContext) => AppDeps) {
  const routes = new Hono();
  routes.get('/draws/:id/:file{inputs\\.json|results\\.json}', async (c) => {
    const id = c.req.param('id');
    const file = c.req.param('file') === 'inputs.json' ? 'inputs' : 'results';
    const text = idPattern.test(id) ? await drawFile(depsOf(c).db, id, file) : null;
    if (text === null) return filesError(c, new DomainError('DRAW_NOT_FOUND', '找不到该次派位'));
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="placement-${id}-${file}.json"`);
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(text);
  });
  return routes;
}

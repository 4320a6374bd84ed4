import type { Context as HonoContext } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../deps';
import { loggableError } from '../domain/error-text';
import { townCookie } from '../domain/town';
import { homeSnapshot } from '../services/catalog';

/** The element the page reads its first catalog from (`web/src/lib/catalog-snapshot.ts`). */
export const snapshotElementId = 'catalog-snapshot';

export type HomeSnapshot = Awaited<ReturnType<typeof homeSnapshot>>;
/** The home page's first screen as markup, from its catalog; null when the page has nothing to paint ahead. */
export type FirstPaint = (snapshot: HomeSnapshot) => string | null;

/** The shell's empty mount point (`web/index.html`). */
const mountPoint = '<div id="app"></div>';

/**
 * The page shell with the catalog the home page shows, as a JSON data block. A block of type application/json is
 * never executed, so the page's script policy allows it; `<` is escaped so no value can end the block. The page
 * then paints the home page without waiting for its two catalog round trips.
 */
export function withSnapshot(html: string, data: unknown, firstPaint: string | null = null): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  // Replaced through functions: a `$&` or `$'` in the catalog's text stays text.
  const withData = html.replace('</head>', () => `<script type="application/json" id="${snapshotElementId}">${json}</script></head>`);
  return firstPaint ? withData.replace(mountPoint, () => `<div id="app">${firstPaint}</div>`) : withData;
}

/**
 * `GET /`: the host's page shell (`index.html` of the build) with the home page's catalog in it (the remembered town's,
 * `townCookie`). Without the database the plain shell goes out, and the page reads the catalog itself as on any other
 * page.
 */
export async function homePage(c: HonoContext, deps: AppDeps, shell: string, firstPaint?: FirstPaint): Promise<Response> {
  const snapshot = await homeSnapshot(deps.db, deps.clock.now(), deps.renderMarkdown, getCookie(c, townCookie), deps.catalog).catch(
    (error: unknown) => {
      deps.log.warn(`home page: catalog left out of the shell: ${loggableError(error)}`);
      return null;
    },
  );
  c.header('Cache-Control', 'no-cache');
  c.header('Vary', 'Cookie', { append: true });
  return c.html(snapshot ? withSnapshot(shell, snapshot, firstPaint?.(snapshot) ?? null) : shell);
}

import { zipSync } from 'fflate';
import { Hono, type Context as HonoContext } from 'hono';
import { DomainError } from '../domain/errors';
import { limits } from '../domain/limits';
import { perAddress, takeLimits } from '../services/limits';
import { gatherMyData } from '../services/my-data';
import { authenticateParent } from '../services/sessions';
import type { AppDeps } from './context';
import { filesError } from './files';
import { contextFromHono } from './http-context';
import { assertTrustedOrigin } from './origin';

/**
 * 下载我的数据: `POST /api/my-data` answers the signed-in parent's data as a ZIP holding `my-data.json` and every
 * document as it was uploaded. A POST (not a GET) so that a cookie session's request must come from our own pages.
 */
export function myDataRoutes(depsOf: (c: HonoContext) => AppDeps, clientIp: (c: HonoContext) => string | null) {
  const routes = new Hono();
  routes.post('/', async (c) => {
    try {
      const deps = depsOf(c);
      const ctx = contextFromHono(deps, c, new Headers(), clientIp);
      assertTrustedOrigin(true, ctx.sameOrigin, null);
      const parent = await authenticateParent(deps, ctx.credentials.token, ctx.afterResponse);
      assertTrustedOrigin(true, ctx.sameOrigin, ctx.credentials.via);
      await takeLimits(deps, [
        { rule: limits.myDataPerAccount, subject: parent.accountId },
        ...perAddress(limits.myDataPerAddress, clientIp(c)),
      ]);
      const { data, files } = await gatherMyData(deps, parent.accountId);
      const entries: Record<string, Uint8Array> = {
        'my-data.json': new TextEncoder().encode(JSON.stringify(data, null, 2)),
      };
      for (const file of files) {
        const stored = await deps.files.get(file.storageKey).catch(() => null);
        if (stored) entries[file.path] = stored.bytes;
        else deps.log.error(`my-data: the bytes of document ${file.id} could not be read`);
      }
      // Photos and PDFs are compressed already: stored, not deflated.
      const zip = zipSync(entries, { level: 0 });
      return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/zip',
        'Content-Length': String(zip.length),
        'Content-Disposition': 'attachment; filename="my-data.zip"',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (error) {
      if (error instanceof DomainError) return filesError(c, error);
      throw error;
    }
  });
  return routes;
}

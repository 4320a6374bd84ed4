import { Hono } from 'hono/tiny';
import type { Context as HonoContext } from 'hono';
import { limits } from '../domain/limits';
import { takeLimits } from '../services/limits';
import { accountDeletionPreview, deleteAccount } from '../services/account-deletion';
import { myDataZip } from '../services/my-data';
import { assertFamilyItself } from '../domain/family-only';
import type { AppDeps } from './context';
import { answerFiles, contentDisposition } from './files';
import { contextFromHono } from './http-context';
import { parentOfRequest } from './parent-http';
import { clearedSessionCookie } from './session-cookie';

/**
 * 我的数据 (issue 15, point 6), served by the staff Worker only (`/api/my-data` in `staffHttpPaths`):
 * `POST /api/my-data` answers the parent's data and documents as one ZIP. A POST: a cookie session must come from
 * our own pages. `GET /api/my-data/deletion` says what 注销账号 would delete and keep (or why not now), and
 * `POST /api/my-data/deletion` deletes the account (`src/domain/account-deletion.ts`). Errors are JSON `{ error: { code, domainCode, message } }` as for `/api/files`.
 */
export function myDataRoutes(depsOf: (c: HonoContext) => AppDeps, clientIp: (c: HonoContext) => string | null) {
  const routes = new Hono();

  routes.post(
    '/',
    answerFiles(async (c) => {
      const parent = await parentOfRequest(depsOf(c), c, clientIp, true);
      assertFamilyItself(parent);
      await takeLimits(depsOf(c), [{ rule: limits.myDataPerAccount, subject: parent.accountId }]);
      const zip = await myDataZip(depsOf(c), parent.accountId);
      return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': contentDisposition('my-data.zip', 'attachment'),
      });
    }),
  );

  routes.get(
    '/deletion',
    answerFiles(async (c) => {
      const parent = await parentOfRequest(depsOf(c), c, clientIp, false);
      return c.json(await accountDeletionPreview(depsOf(c), parent.accountId));
    }),
  );

  routes.post(
    '/deletion',
    answerFiles(async (c) => {
      const deps = depsOf(c);
      const parent = await parentOfRequest(deps, c, clientIp, true);
      assertFamilyItself(parent);
      const deleted = await deleteAccount(deps, parent.accountId, { ip: clientIp(c), requestId: c.get('requestId') ?? null });
      c.header('Set-Cookie', clearedSessionCookie('parent', contextFromHono(deps, c, new Headers(), clientIp).secureCookies));
      return c.json(deleted);
    }),
  );

  return routes;
}

import type { Context as HonoContext } from 'hono';
import { authenticateParent } from '../services/sessions';
import type { AppDeps } from './context';
import { contextFromHono } from './http-context';
import { assertTrustedOrigin } from './origin';

/**
 * The signed-in parent behind a plain HTTP request (the cookie or `Authorization: Bearer`, as for parent procedures);
 * for writes, also proof that a cookie session's request comes from our own pages.
 */
export async function parentOfRequest(deps: AppDeps, c: HonoContext, clientIp: (c: HonoContext) => string | null, write: boolean) {
  const ctx = contextFromHono(deps, c, new Headers(), clientIp);
  assertTrustedOrigin(write, ctx.sameOrigin, null);
  const parent = await authenticateParent(deps, ctx.credentials.token, ctx.afterResponse);
  assertTrustedOrigin(write, ctx.sameOrigin, ctx.credentials.via);
  return parent;
}

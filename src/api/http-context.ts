import type { Context as HonoContext } from 'hono';
import { getCookie } from 'hono/cookie';
import { loggableError } from '../domain/error-text';
import { passwordChecksPerRequest } from '../domain/limits';
import type { SessionAudience } from '../domain/session-policy';
import type { AppDeps, Context, Credentials } from './context';
import { sessionCookieNames } from './session-cookie';

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether the page that sent the request is our own: scheme, host and port of `Origin` (or `Referer`) against those
 * the request reached. The scheme is the one the request arrived with, or the one a TLS-terminating proxy in front of
 * the Node host reports in `X-Forwarded-Proto` (a browser cannot set that header on a cross-site request).
 */
function sameOrigin(c: HonoContext): boolean | null {
  const source = c.req.header('origin') ?? c.req.header('referer');
  if (!source || source === 'null') return source === 'null' ? false : null;
  try {
    const url = new URL(c.req.url);
    const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    const scheme = forwarded === 'https' || forwarded === 'http' ? `${forwarded}:` : url.protocol;
    const ours = new URL(`${scheme}//${c.req.header('host') ?? url.host}`).origin;
    return new URL(source).origin === ours;
  } catch {
    return false;
  }
}

function bearer(c: HonoContext): string | null {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer\s+([A-Za-z0-9_-]{20,100})$/);
  return match?.[1] ?? null;
}

/** Builds the tRPC context of one HTTP request: credentials, origin, cookie writer and deferred work. */
export function contextFromHono(deps: AppDeps, c: HonoContext, resHeaders: Headers, clientIp: (c: HonoContext) => string | null): Context {
  const url = new URL(c.req.url);
  const bearerToken = bearer(c);
  /** A bearer token goes to both audiences' lookups (each finds only its own sessions); else the audience's cookie. */
  const presented = (audience: SessionAudience): Credentials => {
    if (bearerToken) return { token: bearerToken, via: 'bearer' };
    const cookieToken = getCookie(c, sessionCookieNames[audience]);
    return cookieToken ? { token: cookieToken, via: 'cookie' } : { token: null, via: null };
  };
  let passwordChecksLeft = passwordChecksPerRequest;
  const shared: number[] = [];
  return {
    deps,
    requestId: c.get('requestId'),
    ip: clientIp(c),
    credentials: presented('parent'),
    staffCredentials: presented('staff'),
    sameOrigin: sameOrigin(c),
    secureCookies: !(url.protocol === 'http:' && loopback.has(url.hostname)),
    setCookie: (header) => resHeaders.append('set-cookie', header),
    spendPasswordCheck: () => passwordChecksLeft-- > 0,
    shareAnswer: (ms) => shared.push(ms),
    sharedAnswerMs: (calls) => (calls > 0 && shared.length === calls ? Math.min(...shared) : 0),
    afterResponse(task) {
      const run = () => task().catch((error) => deps.log.error(`[${c.get('requestId')}] deferred work failed: ${loggableError(error)}`));
      try {
        c.executionCtx.waitUntil(run());
      } catch {
        setTimeout(run, 0);
      }
    },
  };
}

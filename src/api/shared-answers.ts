import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { sharedForMs, sharedReads } from '../domain/shared-answer';
import type { AppDeps } from './context';

/** Whether the caller negotiates tRPC's streamed form (JSON Lines), which tRPC's answers vary by. */
const asksForStream = (c: HonoContext) => Boolean(c.req.header('trpc-accept')) || /application\/jsonl/.test(c.req.header('accept') ?? '');

/** Whether every call a `/trpc/…` path names is one of the reads that may be shared; no other answer is looked up or kept. */
const callsOnlySharedReads = (path: string) =>
  path
    .slice('/trpc/'.length)
    .split(',')
    .every((call) => sharedReads.includes(call));

interface SharedAnswer {
  body: string;
  /** Content-Type, Cache-Control and Vary, as the procedures' answer had them. */
  headers: Record<string, string>;
  /** The app's clock before the answer was made, and how long after it the answer holds (its `max-age`). */
  madeFrom: number;
  holdsMs: number;
  keptAt: number;
}

/**
 * Answers a GET `/trpc` URL of `sharedReads` from memory while an earlier answer to it is shareable (decision 037): one
 * that said `Cache-Control: public, max-age=N` (until the catalog is read again or a window opens or closes), kept by
 * this host's catalog cache for N seconds at most and dropped with it on an administrator's change.
 * Asked for tRPC's streamed form, or answered with a cookie, the procedures run as usual.
 */
export function sharedAnswers(depsOf: (c: HonoContext) => AppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' || !callsOnlySharedReads(c.req.path) || asksForStream(c)) return next();
    const url = new URL(c.req.url);
    const { catalog, clock } = depsOf(c);
    const slot = catalog.slot<SharedAnswer>(`answer ${url.pathname}${url.search}`);
    const kept = slot.value;
    const madeFrom = clock.now().getTime();
    // The answer holds for the app's clock too: a demo or test clock set forward or back makes it again.
    if (kept && madeFrom >= kept.madeFrom && madeFrom < kept.madeFrom + kept.holdsMs) {
      // Age rounded up, at least 1: a cache downstream then keeps for its max-age only answers made just now, which
      // end before a window's opening or closing; one kept here a while would outlive it there.
      const age = Math.max(1, Math.ceil((performance.now() - kept.keptAt) / 1000));
      return c.body(kept.body, 200, { ...kept.headers, Age: String(age) });
    }
    await next();
    const { res } = c;
    const forMs = sharedForMs(res.headers.get('cache-control'));
    if (res.status !== 200 || forMs === 0 || res.headers.has('set-cookie')) return;
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'cache-control', 'vary']) {
      const value = res.headers.get(name);
      if (value) headers[name] = value;
    }
    const body = await res.clone().text();
    slot.keep({ body, headers, madeFrom, holdsMs: forMs, keptAt: performance.now() }, forMs, body.length);
  };
}

import { trpcServer } from '@hono/trpc-server';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono/tiny';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './api/context';
import { documentSecurityPolicy, filesBodyLimit, filesRoutes, filesTooLarge } from './api/files';
import { placementFilesRoutes } from './api/placement-files';
import { contextFromHono } from './api/http-context';
import { databaseUnavailableMessage, internalErrorMessage, isDatabaseUnavailable } from './api/errors';
import { transportErrorBody } from './api/transport-errors';
import type { AnyRouter } from '@trpc/server';
import { loggableError } from './domain/error-text';
import { clientWentAway } from './api/client-went-away';
import { batchTooLarge, limitApiBodies } from './api/batch-limit';
import { type FirstPaint, homePage } from './api/page-shell';
import { largeTextScriptHash } from './api/page-scripts';
import { sharedAnswers } from './api/shared-answers';
import { sharedCacheControl, sharedForMs } from './domain/shared-answer';

export interface HostHooks {
  /** The caller's address. Default: Cloudflare's `cf-connecting-ip`; the Node host reads its socket. */
  clientIp?: (c: HonoContext) => string | null;
  /** Build identifier reported by `/api/health`. */
  version?: string;
  /** The built page shell (`index.html`); given, `GET /` serves it with the home page's catalog in it. */
  pageShell?: (c: HonoContext) => Promise<string | null>;
  /**
   * Compresses that page (the Node host passes hono's `compress()`, so the Worker's bundle does not carry it). Not on
   * Workers: the runtime compresses a body itself whenever a response says `Content-Encoding`, so compressing here
   * too would encode it twice.
   */
  compressPages?: MiddlewareHandler;
  /** The home page's first screen as markup from its catalog (`web/src/prerender/home-html.ts`), put into the shell. */
  firstPaint?: FirstPaint;
  /** Which process of a host of several answered, reported by `/api/health` (the Node host's `ENROLL_PROCESSES`). */
  instance?: string;
  /**
   * Writes a table (header first) as an XLSX workbook: passed in by the hosts that serve `deskRoutes` (the staff
   * Worker, the Node host), so that the spreadsheet library stays in `src/import` and out of the main Worker.
   */
  workbook?: WorkbookWriter;
}

export type WorkbookWriter = (rows: readonly (readonly string[])[], sheet: string) => Promise<Blob>;

/** More HTTP routes under `/api` (the staff Worker's `deskRoutes`). */
export type ApiRoutes = (depsOf: (c: HonoContext) => AppDeps, clientIp: (c: HonoContext) => string | null, hooks: HostHooks) => Hono;

/**
 * Where a request's dependencies come from: one set for every request (the Node host: its embedded client serves
 * them all), or a set built for each request (the Worker: the runtime refuses I/O started by one request on behalf
 * of another, so no database client or other I/O object may serve two requests).
 */
export type DepsSource = AppDeps | ((c: HonoContext) => AppDeps | Promise<AppDeps>);

/** Features no page uses. Taking a photo goes through `<input type="file" capture>`, which opens the phone's own camera and needs none of them. */
const permissionsPolicy = {
  camera: [],
  microphone: [],
  geolocation: [],
  payment: [],
  usb: [],
  serial: [],
  hid: [],
  bluetooth: [],
  midi: [],
  displayCapture: [],
  screenWakeLock: [],
  publickeyCredentialsGet: [],
  xrSpatialTracking: [],
  accelerometer: [],
  gyroscope: [],
  magnetometer: [],
  ambientLightSensor: [],
  interestCohort: [],
  browsingTopics: [],
};

/**
 * The platform's HTTP app around one tRPC router: the whole `appRouter` (`createApp`, src/app.ts), or the parents'
 * part of it in the main Worker, which sends staff procedures to the staff Worker (decision 027).
 */
export function httpApp(router: AnyRouter, source: DepsSource, hooks: HostHooks = {}, routes?: ApiRoutes) {
  const clientIp = hooks.clientIp ?? ((c: HonoContext) => c.req.header('cf-connecting-ip') ?? null);
  const app = new Hono<{ Variables: { deps: AppDeps } }>();
  const depsOf = (c: HonoContext<{ Variables: { deps: AppDeps } }>) => c.var.deps;
  // Until a request has its deps (or when building them failed), errors are logged to the console.
  const logOf = (c: HonoContext<{ Variables: { deps: AppDeps } }>) => c.var.deps?.log ?? console;

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', typeof source === 'function' ? await source(c) : source);
    await next();
  });
  // API requests in flight: the signal of rush mode (decision 029).
  app.use('/trpc/*', async (c, next) => {
    const leave = depsOf(c).rush?.enter();
    try {
      await next();
    } finally {
      leave?.();
    }
  });
  const transport = { strictTransportSecurity: 'max-age=31536000; includeSubDomains', referrerPolicy: 'strict-origin-when-cross-origin' };
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", largeTextScriptHash],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
    permissionsPolicy,
    ...transport,
  });
  // Uploaded documents are served under a policy that lets them do nothing (no script, no loads, sandboxed).
  const documentHeaders = secureHeaders({ contentSecurityPolicy: documentSecurityPolicy, permissionsPolicy, ...transport });
  app.use('*', (c, next) => (c.req.path.startsWith('/api/files') ? documentHeaders : pageHeaders)(c, next));
  // Answers carry personal data: no browser or proxy keeps them, except the public catalog's tRPC answers, which say
  // themselves how long anyone may be given them (decision 037).
  const noStore = (unlessShared: boolean) => async (c: HonoContext, next: () => Promise<void>) => {
    await next();
    if (!(unlessShared && sharedForMs(c.res.headers.get('cache-control')) > 0)) c.header('Cache-Control', 'no-store');
  };
  app.use('/api/*', noStore(false));
  app.use('/trpc/*', noStore(true));
  app.use('/trpc/*', sharedAnswers(depsOf));
  app.use(
    '/trpc/*',
    limitApiBodies((c) => c.json(transportErrorBody('PAYLOAD_TOO_LARGE'), 413)),
  );
  app.use('/api/files/*', bodyLimit({ maxSize: filesBodyLimit, onError: filesTooLarge }));

  app.use('/trpc/*', batchTooLarge);
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router,
      createContext: (opts, c) => contextFromHono(depsOf(c), c, opts.resHeaders, clientIp),
      responseMeta: ({ ctx, paths, type, errors }) => {
        if (errors.some((e) => e.code === 'SERVICE_UNAVAILABLE')) return { headers: { 'Retry-After': '5' } };
        const shared = type === 'query' && errors.length === 0 ? sharedCacheControl(ctx?.sharedAnswerMs(paths?.length ?? 0) ?? 0) : null;
        return shared ? { headers: { 'Cache-Control': shared } } : {};
      },
      onError({ error, path, ctx, req }) {
        const log = ctx?.deps.log ?? console;
        if (clientWentAway(req, error.cause ?? error)) {
          log.info(`[${ctx?.requestId ?? '-'}] trpc ${path ?? '?'}: the client went away before its request arrived whole`);
        } else if (error.code === 'INTERNAL_SERVER_ERROR' || error.code === 'SERVICE_UNAVAILABLE') {
          log.error(`[${ctx?.requestId ?? '-'}] trpc ${path ?? '?'} failed: ${loggableError(error.cause ?? error)}`);
        }
      },
    }),
  );

  app.route('/api/files', filesRoutes(depsOf, clientIp));
  app.route('/api/placement', placementFilesRoutes(depsOf));
  if (routes) app.route('/api', routes(depsOf, clientIp, hooks));

  const { pageShell } = hooks;
  if (pageShell) {
    app.get('/', hooks.compressPages ?? ((_c, next) => next()), async (c, next) => {
      const shell = await pageShell(c);
      return shell ? homePage(c, depsOf(c), shell, hooks.firstPaint) : next();
    });
  }

  app.get('/api/health', async (c) => {
    const deps = depsOf(c);
    const now = deps.clock.now().toISOString();
    const about = { now, version: hooks.version ?? 'dev', ...(hooks.instance ? { instance: hooks.instance } : {}) };
    try {
      await deps.db.run(sql`select 1`);
      return c.json({ status: 'ok', database: 'ok', ...about });
    } catch (error) {
      deps.log.error(`[${c.get('requestId')}] health: database unreachable: ${loggableError(error)}`);
      return c.json({ status: 'degraded', database: 'unreachable', ...about }, 503);
    }
  });

  app.notFound((c) => c.json({ error: { message: '找不到该地址' } }, 404));
  app.onError((error, c) => {
    logOf(c).error(`[${c.get('requestId')}] ${c.req.method} ${c.req.path} failed: ${loggableError(error)}`);
    if (isDatabaseUnavailable(error)) {
      c.header('Retry-After', '5');
      return c.json({ error: { code: 'SERVICE_UNAVAILABLE', message: databaseUnavailableMessage, requestId: c.get('requestId') } }, 503);
    }
    return c.json({ error: { message: internalErrorMessage, requestId: c.get('requestId') } }, 500);
  });

  return app;
}

export type App = ReturnType<typeof httpApp>;

import { trpcServer } from '@hono/trpc-server';
import { sql } from 'drizzle-orm';
import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './api/context';
import { documentSecurityPolicy, filesBodyLimit, filesRoutes, filesTooLarge } from './api/files';
import { contextFromHono } from './api/http-context';
import { internalErrorMessage } from './api/errors';
import { appRouter } from './api/router';
import { loggableError } from './domain/error-text';
import { batchTooLarge } from './api/batch-limit';

export interface HostHooks {
  /** The caller's address. Default: Cloudflare's `cf-connecting-ip`; the Node host reads its socket. */
  clientIp?: (c: HonoContext) => string | null;
  /** Build identifier reported by `/api/health`. */
  version?: string;
}

const apiBodyLimit = 256 * 1024;

/**
 * The whole platform as one Hono app; hosts (`worker/index.ts`, `worker/node.ts`) only build `deps` and serve it.
 *
 * @example const app = createApp(await buildDeps(config, db, files), { clientIp: (c) => getConnInfo(c).remote.address ?? null });
 */
export function createApp(deps: AppDeps, hooks: HostHooks = {}) {
  const clientIp = hooks.clientIp ?? ((c: HonoContext) => c.req.header('cf-connecting-ip') ?? null);
  const app = new Hono();

  app.use('*', requestId());
  const transport = { strictTransportSecurity: 'max-age=31536000; includeSubDomains', referrerPolicy: 'strict-origin-when-cross-origin' };
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
    ...transport,
  });
  // Uploaded documents are served under a policy that lets them do nothing (no script, no loads, sandboxed).
  const documentHeaders = secureHeaders({ contentSecurityPolicy: documentSecurityPolicy, ...transport });
  app.use('*', (c, next) => (c.req.path.startsWith('/api/files') ? documentHeaders : pageHeaders)(c, next));
  app.use('/trpc/*', bodyLimit({
    maxSize: apiBodyLimit,
    onError: (c) => c.json({ error: { message: '提交的内容过大' } }, 413),
  }));
  app.use('/api/files/*', bodyLimit({ maxSize: filesBodyLimit, onError: filesTooLarge }));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.use('/trpc/*', batchTooLarge);
  app.use('/trpc/*', trpcServer({
    endpoint: '/trpc',
    router: appRouter,
    createContext: (opts, c) => contextFromHono(deps, c, opts.resHeaders, clientIp),
    onError({ error, path, ctx }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        deps.log.error(`[${ctx?.requestId ?? '-'}] trpc ${path ?? '?'} failed: ${loggableError(error.cause ?? error)}`);
      }
    },
  }));

  app.route('/api/files', filesRoutes(deps, clientIp));

  app.get('/api/health', async (c) => {
    const now = deps.clock.now().toISOString();
    try {
      await deps.db.run(sql`select 1`);
      return c.json({ status: 'ok', database: 'ok', now, version: hooks.version ?? 'dev' });
    } catch (error) {
      deps.log.error(`[${c.get('requestId')}] health: database unreachable: ${loggableError(error)}`);
      return c.json({ status: 'degraded', database: 'unreachable', now, version: hooks.version ?? 'dev' }, 503);
    }
  });

  app.notFound((c) => c.json({ error: { message: '找不到该地址' } }, 404));
  app.onError((error, c) => {
    deps.log.error(`[${c.get('requestId')}] ${c.req.method} ${c.req.path} failed: ${loggableError(error)}`);
    return c.json({ error: { message: internalErrorMessage, requestId: c.get('requestId') } }, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;

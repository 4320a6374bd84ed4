import { compress } from 'hono/compress';
import { homeFirstPaint } from '../web/src/prerender/home-html';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { createDb, truncateWal } from '../db/client';
import { migrateDb } from '../db/migrate';
import { seedCatalog } from '../db/seed';
import { seedDemoStaff } from '../db/seed/demo-staff';
import type { Db } from '../db/client';
import type { Clock } from '../src/adapters/clock';
import type { RandomSource } from '../src/adapters/random';
import type { AppDeps } from '../src/api/context';
import { createApp } from '../src/app';
import { tableXlsx } from '../src/import/table-xlsx';
import type { CatalogCache } from '../src/services/catalog-cache';
import { assertDemoHostAllowed, type HostConfig } from './config';
import { buildNodeDeps } from './node-deps';
import { startSweeper } from './node-sweeper';

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface NodeHost {
  url: string;
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * Opens (and creates) the embedded libSQL database or connects to a libSQL server, then migrates it and seeds the
 * catalog (and in demo mode the demo staff): done once per host, before anything serves.
 */
export async function prepareDatabase(config: HostConfig): Promise<Db> {
  if (config.databaseUrl.startsWith('file:')) {
    mkdirSync(dirname(resolve(config.databaseUrl.slice('file:'.length))), { recursive: true, mode: 0o700 });
  }
  const db = await createDb(config.databaseUrl, config.databaseAuthToken);
  await migrateDb(db);
  await seedCatalog(db);
  if (config.dev) await seedDemoStaff(db, new Date());
  return db;
}

/**
 * One serving process of a host of several (`worker/node-processes.ts`): the database is already prepared, the
 * primary process runs the sweeper and empties the write-ahead log, and this process's catalog copy is dropped with
 * the others' (`wrap`).
 */
export interface ServingProcess {
  /** Reported by `/api/health` as `instance`, so an operator (and a test) can tell the processes apart. */
  instance: string;
  catalog: (local: CatalogCache) => CatalogCache;
  /** Asks the primary's sweeper for a sweep soon: a rush here left a submission's SMS and checks to it. */
  sweepSoon: () => void;
}

/**
 * Opens (and creates) the embedded libSQL database, migrates and seeds it, keeps documents under `FILES_DIR`, and
 * serves the API and the built web app. Tests start it too, with their own database file and clock.
 */
export async function startNodeHost(
  config: HostConfig,
  overrides: {
    clock?: Clock;
    log?: AppDeps['log'];
    random?: RandomSource;
    sweepEveryMs?: number;
    /** Given: this is one of several processes serving the host, and it neither migrates nor sweeps. */
    serving?: ServingProcess;
  } = {},
): Promise<NodeHost> {
  assertDemoHostAllowed(config);
  const { serving } = overrides;
  const db = serving ? await createDb(config.databaseUrl, config.databaseAuthToken) : await prepareDatabase(config);

  const built = await buildNodeDeps(config, db, overrides);
  const deps = serving ? { ...built, catalog: serving.catalog(built.catalog) } : built;
  const sweeper = serving ? null : startSweeper(deps, overrides.sweepEveryMs ?? 60_000, () => truncateWal(db, config.databaseUrl));
  if (deps.rush) deps.rush.onDeferred = serving ? serving.sweepSoon : sweeper?.soon;
  const app = createApp(deps, {
    clientIp: (c) => getConnInfo(c).remote.address ?? null,
    pageShell: () => readFile(join(webDist, 'index.html'), 'utf8').catch(() => null),
    compressPages: compress(),
    firstPaint: homeFirstPaint,
    instance: serving?.instance,
    workbook: tableXlsx,
  });

  app.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/assets/') && c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    else if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-cache');
  });
  app.use('*', serveStatic({ root: webDist, precompressed: true }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/trpc/')) return next();
    return serveStatic({ root: webDist, path: 'index.html', precompressed: true })(c, next);
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolveServer(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    deps,
    async close() {
      await sweeper?.stop();
      const closed = new Promise<void>((done) => server.close(() => done()));
      const http = server as import('node:http').Server;
      http.closeIdleConnections?.();
      const force = setTimeout(() => http.closeAllConnections?.(), 2_000);
      await closed;
      clearTimeout(force);
      if (!serving) {
        await truncateWal(db, config.databaseUrl).catch((error) => deps.log.warn(`could not empty the write-ahead log: ${String(error)}`));
      }
      db.$client.close();
    },
  };
}

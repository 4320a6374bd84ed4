/**
 * One server of the reads bench (`reads.ts`), in processes of its own so that the load generator's CPU is not counted
 * as the server's. `platform <dir> <processes>` starts the real Node host on a fresh libSQL file in `<dir>` (clock
 * fixed inside the 2024 window), with `<processes>` serving processes as `ENROLL_PROCESSES` would (one: the host in
 * this process, as before; more: this process is the primary, `worker/node-primary.ts`). `baseline <file>
 * <processes>` starts a bare Hono + tRPC app (the platform's versions of both) that answers `catalog.region` with the
 * object in `<file>` from memory, in as many processes sharing the port the same way (node:cluster). Over IPC it
 * answers `ready` with its URL and the ids of all its processes (whose CPU the bench reads from /proc).
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { trpcServer } from '@hono/trpc-server';
import { initTRPC } from '@trpc/server';
import { Hono } from 'hono';
import { manualClock } from '../../src/adapters/clock';
import { regionInput } from '../../src/schemas/catalog';
import { parseConfig } from '../../worker/config';
import { startNodeHost } from '../../worker/node-host';
import { startPrimary } from '../../worker/node-primary';
import { startServingProcess } from '../../worker/node-serving';

export type ServerMessage = { ready: string; pids: number[] };

const [mode, path, processText = '1'] = process.argv.slice(2);
const processes = Number(processText);
if ((!process.send && cluster.isPrimary) || !path || (mode !== 'platform' && mode !== 'baseline') || !(processes >= 1)) {
  console.error('usage (from reads.ts, with IPC): reads-server.ts platform <dir> <processes> | baseline <region.json> <processes>');
  process.exit(2);
}

const config = () => parseConfig({ PORT: '0', DATABASE_URL: `file:${path}/reads.db`, FILES_DIR: `${path}/files`, ENROLL_DEV: '1' });
const clock = () => manualClock('2024-07-20T10:00:00+08:00');
const quiet = { info: () => {}, warn: console.warn, error: console.error };

async function platform(): Promise<ServerMessage> {
  if (processes === 1) {
    const host = await startNodeHost(config(), { clock: clock(), log: quiet });
    return { ready: host.url, pids: [process.pid] };
  }
  const host = await startPrimary(config(), processes, quiet);
  return { ready: host.url, pids: [process.pid, ...host.pids()] };
}

function baselineApp(file: string) {
  const region: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const t = initTRPC.create();
  const router = t.router({ catalog: t.router({ region: t.procedure.input(regionInput).query(() => region) }) });
  const app = new Hono();
  app.use('/trpc/*', trpcServer({ router, endpoint: '/trpc' }));
  return app;
}

function listen(app: Hono): Promise<number> {
  return new Promise((ready) => {
    serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(info.port));
  });
}

async function baseline(): Promise<ServerMessage> {
  if (processes === 1) return { ready: `http://127.0.0.1:${await listen(baselineApp(path!))}`, pids: [process.pid] };
  const ports = await Promise.all(
    Array.from(
      { length: processes },
      () => new Promise<number>((listening) => cluster.fork().once('listening', (address) => listening(address.port))),
    ),
  );
  const pids = Object.values(cluster.workers ?? {}).flatMap((w) => (w?.process.pid ? [w.process.pid] : []));
  return { ready: `http://127.0.0.1:${ports[0]}`, pids: [process.pid, ...pids] };
}

if (cluster.isWorker) {
  if (mode === 'platform') await startServingProcess(config(), { clock: clock() });
  else await listen(baselineApp(path));
} else {
  const ready = mode === 'platform' ? await platform() : await baseline();
  process.on('message', (message) => {
    if (message === 'stop') process.exit(0);
  });
  process.send?.(ready satisfies ServerMessage);
}

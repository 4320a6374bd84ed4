/**
 * One server of the reads bench (`reads.ts`), in a process of its own so that the load generator's CPU is not counted
 * as the server's. `platform <dir>` starts the real Node host on a fresh libSQL file in `<dir>` (clock fixed inside
 * the 2024 window); `baseline <file>` starts a bare Hono + tRPC app (the platform's versions of both) that answers
 * `catalog.region` with the object in `<file>` from memory. Over IPC it answers `ready` with its URL, and `cpu` with
 * its own `process.cpuUsage()`.
 */
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { trpcServer } from '@hono/trpc-server';
import { initTRPC } from '@trpc/server';
import { Hono } from 'hono';
import { manualClock } from '../../src/adapters/clock';
import { regionInput } from '../../src/schemas/catalog';
import { parseConfig } from '../../worker/config';
import { startNodeHost } from '../../worker/node-host';

export type ServerMessage = { ready: string } | { cpu: NodeJS.CpuUsage };

const [mode, path] = process.argv.slice(2);
if (!process.send || !path || (mode !== 'platform' && mode !== 'baseline')) {
  console.error('usage (from reads.ts, with IPC): reads-server.ts platform <dir> | baseline <region.json>');
  process.exit(2);
}

async function platform(dir: string): Promise<string> {
  const config = parseConfig({ PORT: '0', DATABASE_URL: `file:${dir}/reads.db`, FILES_DIR: `${dir}/files`, ENROLL_DEV: '1' });
  const quiet = { info: () => {}, warn: console.warn, error: console.error };
  const host = await startNodeHost(config, { clock: manualClock('2024-07-20T10:00:00+08:00'), log: quiet });
  return host.url;
}

async function baseline(file: string): Promise<string> {
  const region: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const t = initTRPC.create();
  const router = t.router({ catalog: t.router({ region: t.procedure.input(regionInput).query(() => region) }) });
  const app = new Hono();
  app.use('/trpc/*', trpcServer({ router, endpoint: '/trpc' }));
  return new Promise((ready) => {
    serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(`http://127.0.0.1:${info.port}`));
  });
}

const url = mode === 'platform' ? await platform(path) : await baseline(path);
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() } satisfies ServerMessage);
  if (message === 'stop') process.exit(0);
});
process.send({ ready: url } satisfies ServerMessage);

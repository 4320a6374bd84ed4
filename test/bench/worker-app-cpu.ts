/**
 * The main Worker's own JavaScript per request, in this Node process (the same V8 as workerd), without workerd's
 * HTTP layers or wrangler dev's proxy Worker: the isolate is built as worker/index.ts builds it (`isolateHost`, its
 * per-request deps, the parents' app) against sqld, and requests go straight to `app.fetch`. CPU is this process's
 * `process.cpuUsage()` over each phase divided by its requests, phases interleaved over `--rounds` rounds, the median
 * per phase reported with its range. A profile of the same loop: `--cpu-prof` on the tsx command line.
 * `npx tsx test/bench/worker-app-cpu.ts --requests 2000 --rounds 5`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { seedCatalog } from '../../db/seed';
import { parentsRouter } from '../../src/api/parents-router';
import { httpApp } from '../../src/http-app';
import { type ApiEnv, isolateHost } from '../../worker/isolate';
import { startSqld } from '../../worker/sqld';
import { workerDataKey } from '../helpers/worker-stack';
import { fixed, table } from './measure';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' } } });
const requests = Number(values.requests);
const rounds = Number(values.rounds);

const dataDir = mkdtempSync(join(tmpdir(), 'enrollment-app-cpu-'));
const sqld = await startSqld({ dbPath: join(dataDir, 'db') });
try {
  const db = await createDb(sqld.url);
  await migrateDb(db);
  await seedCatalog(db);
  db.$client.close();

  const env = {
    DATABASE_URL: sqld.url,
    DATA_KEY: workerDataKey,
    SMS_PROVIDER: 'dev',
    ENROLL_DEV: '1',
    ENROLL_NOW: '2024-07-20T10:00:00+08:00',
    DOCUMENTS: {},
    RENDER: {},
  } as unknown as ApiEnv;
  const host = isolateHost<ApiEnv>((deps) => httpApp(parentsRouter, deps));
  const isolate = (await host.isolateFor(env))!;
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as Parameters<typeof isolate.app.fetch>[2];
  const fetchApp = async (url: string) => (await isolate.app.fetch(new Request(url), env, ctx)).arrayBuffer();
  const origin = 'http://worker.test';
  const regions = JSON.parse(new TextDecoder().decode(await fetchApp(`${origin}/trpc/catalog.regions`))) as {
    result: { data: { id: string }[] };
  };
  const regionUrl = `${origin}/trpc/catalog.region?input=${encodeURIComponent(JSON.stringify({ regionId: regions.result.data[0]!.id }))}`;

  const phases: Record<string, () => Promise<unknown>> = {
    'baseline: 404 from memory': () => fetchApp(`${origin}/api/no-such-address`),
    'catalog.region, cached': () => fetchApp(regionUrl),
  };
  const perRequest: Record<string, number[]> = Object.fromEntries(Object.keys(phases).map((name) => [name, []]));
  for (let round = 0; round <= rounds; round++) {
    for (const [name, call] of Object.entries(phases)) {
      const started = process.cpuUsage();
      for (let i = 0; i < requests; i++) await call();
      const used = process.cpuUsage(started);
      // Round 0 warms the code up.
      if (round > 0) perRequest[name]!.push((used.user + used.system) / 1000 / requests);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const baseline = median(perRequest['baseline: 404 from memory']!);
  console.log(`\nthe main Worker's JavaScript per request, in Node (${requests} requests × ${rounds} rounds per phase)`);
  console.log(
    table([
      ['phase', 'CPU ms/req (median)', 'range', '× baseline'],
      ...Object.entries(perRequest).map(([name, xs]) => [
        name,
        fixed(median(xs), 3),
        `${fixed(Math.min(...xs), 3)}–${fixed(Math.max(...xs), 3)}`,
        fixed(median(xs) / baseline, 2),
      ]),
    ]),
  );
} finally {
  await sqld.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

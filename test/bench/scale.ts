/**
 * `npm run bench:scale [-- --submissions 600 --hosts 1,2,4 --concurrency 100 --processes 1 --database sqld]`: several
 * Node host processes against one sqld, as a county or province would run the platform on more than one machine.
 * `--processes N` gives each host N serving processes (`ENROLL_PROCESSES`; default 1, one process per host as
 * before); `--database file` puts the hosts on one libSQL file instead of sqld (the Node host's own setup). For each
 * number of hosts: a fresh database, `--submissions` prepared drafts, the hosts started as processes of their own, and
 * every draft submitted at once (`--concurrency` in flight, spread over the hosts in turn) by this process, which only
 * sends requests.
 * Reports submissions per second, latency and errors per host count, against one host in the same run. Not part of
 * `npm test`; figures in docs/scale.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDb } from '../../db/client';
import { createWebDb } from '../../db/client-web';
import { migrateDb } from '../../db/migrate';
import { seedCatalog } from '../../db/seed';
import { createEnrollmentClient } from '../../src/client';
import { startSqld } from '../../worker/sqld';
import { freePort } from '../helpers/ports';
import { prepareDrafts } from '../helpers/worker-drafts';
import { workerDataKey } from '../helpers/worker-stack';
import { childrenOf } from '../helpers/child-processes';
import { cpuMsOf } from './group-cpu';
import { describeError, fixed, percentile, table } from './measure';

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '600' },
    hosts: { type: 'string', default: '1,2,4' },
    concurrency: { type: 'string', default: '100' },
    processes: { type: 'string', default: '1' },
    database: { type: 'string', default: 'sqld' },
  },
});
const processesPerHost = Number(values.processes);
const onFile = values.database === 'file';
const submissions = Number(values.submissions);
const hostCounts = String(values.hosts).split(',').map(Number);
const concurrency = Number(values.concurrency);
const now = '2024-07-20T10:00:00+08:00';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startHost(databaseUrl: string, filesDir: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      FILES_DIR: filesDir,
      DATA_KEY: workerDataKey,
      SMS_PROVIDER: 'dev',
      ENROLL_DEV: '1',
      ENROLL_NOW: now,
      ENROLL_PROCESSES: String(processesPerHost),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, process: child };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`host on port ${port} did not start`);
}

interface Row {
  hosts: number;
  wallMs: number;
  /** CPU ms of sqld and of all the hosts together over the submissions. */
  sqldCpuMs: number;
  hostsCpuMs: number;
  latencies: number[];
  errors: string[];
}

async function run(hosts: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'enrollment-scale-'));
  const sqld = onFile ? null : await startSqld({ dbPath: join(dir, 'db') });
  const databaseUrl = sqld?.url ?? `file:${join(dir, 'enrollment.db')}`;
  const running: ChildProcess[] = [];
  try {
    const db = await createDb(databaseUrl);
    await migrateDb(db);
    await seedCatalog(db);
    const drafts = await prepareDrafts(sqld ? createWebDb(sqld.url) : db, workerDataKey, new Date(now), submissions);
    db.$client.close();
    const urls: string[] = [];
    for (let h = 0; h < hosts; h++) {
      const host = await startHost(databaseUrl, join(dir, `files-${h}`));
      running.push(host.process);
      urls.push(host.url);
    }
    const latencies: number[] = [];
    const errors: string[] = [];
    let next = 0;
    const pids = running.flatMap((c) => [c.pid!, ...childrenOf(c.pid!)]);
    const sqldPids = sqld ? [sqld.pid] : [];
    const cpuBefore = { sqld: cpuMsOf(sqldPids), hosts: cpuMsOf(pids) };
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(concurrency, submissions) }, async () => {
        while (next < submissions) {
          const i = next++;
          const draft = drafts[i]!;
          const client = createEnrollmentClient({ url: urls[i % hosts]!, token: draft.token });
          const t0 = performance.now();
          try {
            await client.applications.submit.mutate({ applicationId: draft.applicationId, version: draft.version });
            latencies.push(performance.now() - t0);
          } catch (error) {
            errors.push(describeError(error));
          }
        }
      }),
    );
    const wallMs = performance.now() - started;
    const sqldCpuMs = cpuMsOf(sqldPids) - cpuBefore.sqld;
    const hostsCpuMs = cpuMsOf(pids) - cpuBefore.hosts;
    return { hosts, wallMs, sqldCpuMs, hostsCpuMs, latencies, errors };
  } finally {
    for (const child of running) child.kill('SIGTERM');
    await sleep(500);
    for (const child of running) child.kill('SIGKILL');
    await sqld?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Hosts are started with `--import tsx`: the pid spawn gives is node itself, which does the work. */
const rows: Row[] = [];
for (const hosts of hostCounts) {
  process.stdout.write(`${hosts} host(s): `);
  const row = await run(hosts);
  rows.push(row);
  console.log(`${row.latencies.length} submitted, ${row.errors.length} errors in ${fixed(row.wallMs / 1000, 1)} s`);
}
const rate = (r: Row) => r.latencies.length / (r.wallMs / 1000);
const one = rows.find((r) => r.hosts === 1) ?? rows[0]!;
console.log(
  `\n${submissions} submissions, ${concurrency} in flight, ${processesPerHost} process(es) per host, ` +
    `${onFile ? 'one libSQL file' : 'one sqld'} (${new Date().toISOString()})\n`,
);
console.log(
  table([
    [
      'Node hosts',
      'submitted',
      'errors',
      'wall (s)',
      'submits/s',
      'vs 1 host',
      'p50 ms',
      'p99 ms',
      'hosts CPU ms/submit',
      'sqld CPU ms/submit',
      'cores busy',
    ],
    ...rows.map((r) => [
      String(r.hosts),
      String(r.latencies.length),
      String(r.errors.length),
      fixed(r.wallMs / 1000, 1),
      fixed(rate(r), 0),
      `${fixed(rate(r) / rate(one), 2)}×`,
      fixed(percentile(r.latencies, 50), 0),
      fixed(percentile(r.latencies, 99), 0),
      fixed(r.hostsCpuMs / r.latencies.length, 1),
      fixed(r.sqldCpuMs / r.latencies.length, 1),
      fixed((r.hostsCpuMs + r.sqldCpuMs) / r.wallMs, 2),
    ]),
  ]),
);
const errors = rows.flatMap((r) => r.errors);
if (errors.length > 0) console.error(`errors (first 5): ${errors.slice(0, 5).join(' | ')}`);
process.exit(errors.length > 0 ? 1 : 0);

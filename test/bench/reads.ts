/**
 * `npm run bench:reads [-- --duration 10 --connections 50,500]`: the parents' `catalog.region` read under load.
 * The real Node host (fresh libSQL file, demo season) and a baseline — a bare Hono + tRPC app returning the same object
 * from memory — each run in a process of their own (`reads-server.ts`); the load generator (autocannon, pinned) runs
 * in a third, against one server at a time (baseline, platform, platform, baseline, half the duration each), with the
 * URL the parents' page sends (`httpBatchLink`: GET, `batch=1`).
 * Server CPU is the server process's own `process.cpuUsage()` over the run, divided by the answers. Exits 1 if the two
 * servers answer differently, or if any request of the platform failed or timed out.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backgroundCores, fixed, table } from './measure';
import type { ServerMessage } from './reads-server';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50,500' } },
});
const duration = Number(values.duration);
const connectionCounts = String(values.connections).split(',').map(Number);

interface Server {
  url: string;
  process: ChildProcess;
  /** The server's own CPU so far (ms). */
  cpuMs(): Promise<number>;
}

function startServer(mode: 'platform' | 'baseline', path: string): Promise<Server> {
  const child = fork(new URL('./reads-server.ts', import.meta.url).pathname, [mode, path], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<ServerMessage>((resolve, reject) => {
      child.once('message', (m) => resolve(m as ServerMessage));
      child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
    });
  return next().then((ready) => {
    if (!('ready' in ready)) throw new Error(`${mode} server did not start`);
    return {
      url: ready.ready,
      process: child,
      async cpuMs() {
        const answer = next();
        child.send('cpu');
        const m = await answer;
        if (!('cpu' in m)) throw new Error('no CPU reading');
        return (m.cpu.user + m.cpu.system) / 1000;
      },
    };
  });
}

/** What autocannon's `--json` prints (the fields used here). */
interface Autocannon {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

function load(url: string, connections: number, seconds: number): Promise<Autocannon> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [autocannonBin, '--json', '-c', String(connections), '-d', String(seconds), url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Autocannon) : reject(new Error(`autocannon exited with ${code}`))));
  });
}

interface Run {
  target: string;
  connections: number;
  result: Autocannon;
  cpuPerRequestMs: number;
}

async function measureOnce(server: Server, path: string, connections: number, seconds: number) {
  const before = await server.cpuMs();
  const result = await load(server.url + path, connections, seconds);
  return { result, cpuMs: (await server.cpuMs()) - before };
}

/** Two halves of a run, summed: rates over the whole time, the worse half's latencies. */
function combine(a: { result: Autocannon; cpuMs: number }, b: { result: Autocannon; cpuMs: number }) {
  const sum = (f: (r: Autocannon) => number) => f(a.result) + f(b.result);
  const worse = a.result.latency.p99 >= b.result.latency.p99 ? a.result : b.result;
  const result: Autocannon = {
    requests: { average: sum((r) => r.requests.average) / 2, total: sum((r) => r.requests.total) },
    latency: { ...worse.latency, max: Math.max(a.result.latency.max, b.result.latency.max) },
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    '2xx': sum((r) => r['2xx']),
  };
  return { result, cpuPerRequestMs: (a.cpuMs + b.cpuMs) / (result['2xx'] + result.non2xx) };
}

/**
 * The baseline and the platform in the order baseline, platform, platform, baseline, each half the duration: the
 * other sessions' load on a shared machine changes within seconds, and this way both see the same on average.
 */
async function measurePair(baseline: Server, platform: Server, path: string, connections: number): Promise<Run[]> {
  const half = duration / 2;
  const b1 = await measureOnce(baseline, path, connections, half);
  const p1 = await measureOnce(platform, path, connections, half);
  const p2 = await measureOnce(platform, path, connections, half);
  const b2 = await measureOnce(baseline, path, connections, half);
  return [
    { target: 'baseline', connections, ...combine(b1, b2) },
    { target: 'platform', connections, ...combine(p1, p2) },
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'bench-reads-'));
const servers: Server[] = [];
let failed = false;
try {
  const platform = await startServer('platform', dir);
  servers.push(platform);
  const regions = (await (await fetch(`${platform.url}/trpc/catalog.regions`)).json()) as { result: { data: { id: string }[] } };
  const regionId = regions.result.data[0]!.id;
  const path = `/trpc/catalog.region?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { regionId } }))}`;
  const platformBody = await (await fetch(platform.url + path)).text();
  const region = (JSON.parse(platformBody) as [{ result: { data: unknown } }])[0].result.data;
  writeFileSync(join(dir, 'region.json'), JSON.stringify(region));
  const baseline = await startServer('baseline', join(dir, 'region.json'));
  servers.push(baseline);
  const baselineBody = await (await fetch(baseline.url + path)).text();
  if (baselineBody !== platformBody) {
    console.error(`the baseline answers differently:\n${baselineBody.slice(0, 300)}\n${platformBody.slice(0, 300)}`);
    failed = true;
  }

  console.info(
    `catalog.region (${platformBody.length} bytes), ${duration} s per run; others' load before: ${fixed(await backgroundCores(1000), 2)} cores`,
  );
  await load(baseline.url + path, 50, 2);
  await load(platform.url + path, 50, 2);

  const runs: Run[] = [];
  for (const connections of connectionCounts) runs.push(...(await measurePair(baseline, platform, path, connections)));

  const rows = [
    ['server', 'connections', 'req/s', 'p50 ms*', 'p99 ms*', 'max ms', 'answers', 'non-2xx', 'errors', 'timeouts', 'CPU ms/req'],
  ];
  for (const r of runs) {
    rows.push([
      r.target,
      String(r.connections),
      fixed(r.result.requests.average, 0),
      String(r.result.latency.p50),
      String(r.result.latency.p99),
      String(r.result.latency.max),
      String(r.result['2xx'] + r.result.non2xx),
      String(r.result.non2xx),
      String(r.result.errors),
      String(r.result.timeouts),
      fixed(r.cpuPerRequestMs, 3),
    ]);
  }
  console.info(`\n${table(rows)}\n* of the half with the worse p99\n`);
  for (const connections of connectionCounts) {
    const of = (target: string) => runs.find((r) => r.target === target && r.connections === connections)!;
    const p = of('platform');
    const b = of('baseline');
    console.info(
      `${connections} connections: platform/baseline ${fixed(p.result.requests.average / b.result.requests.average, 2)}× req/s, ` +
        `${fixed(p.cpuPerRequestMs / b.cpuPerRequestMs, 1)}× CPU per request`,
    );
    if (p.result.errors + p.result.timeouts + p.result.non2xx > 0) failed = true;
  }
} finally {
  for (const server of servers) server.process.kill();
  rmSync(dir, { recursive: true, force: true });
}
if (failed) {
  console.error('failed: see above');
  process.exit(1);
}

/**
 * `npm run bench:reads [-- --duration 10 --connections 50,500 --processes 1,2]`: the parents' `catalog.region` read
 * under load. The real Node host (fresh libSQL file, demo season) and a baseline — a bare Hono + tRPC app returning the
 * same object from memory — each run in processes of their own (`reads-server.ts`), once for each `--processes` count
 * (one process, and several sharing the port as `ENROLL_PROCESSES` does; the baseline gets the same count, so each
 * comparison is like for like). The load generator (autocannon, pinned) runs in a process of its own too, against one
 * server at a time, in a mirrored order (b1 p1 bN pN pN bN p1 b1, half the duration each), with the URL the parents'
 * page sends (`httpBatchLink`: GET, `batch=1`).
 * Server CPU is the user + system time of all the server's processes (/proc) over the run, divided by the answers;
 * the load generator's own CPU is reported beside it (its share of the machine's two cores limits what any server can
 * show). Exits 1 if the two servers answer differently, or if any request of the platform failed or timed out.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpuMsOf, ticksPerSecond } from './group-cpu';
import { backgroundCores, fixed, machineTicks, table } from './measure';
import type { ServerMessage } from './reads-server';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50,500' },
    processes: { type: 'string', default: `1,${availableParallelism()}` },
  },
});
const duration = Number(values.duration);
const connectionCounts = String(values.connections).split(',').map(Number);
const processCounts = [...new Set(String(values.processes).split(',').map(Number))];

interface Server {
  name: string;
  url: string;
  process: ChildProcess;
  /** The server's own CPU so far (ms), all its processes. */
  cpuMs(): number;
}

function startServer(mode: 'platform' | 'baseline', path: string, processes: number): Promise<Server> {
  const child = fork(new URL('./reads-server.ts', import.meta.url).pathname, [mode, path, String(processes)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<ServerMessage>((resolve, reject) => {
    child.once('message', (m) => resolve(m as ServerMessage));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  }).then(({ ready, pids }) => ({
    name: `${mode} ×${processes}`,
    url: ready,
    process: child,
    cpuMs: () => cpuMsOf(pids),
  }));
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

/** CPU (ms) of this process's ended and reaped children so far: where each finished autocannon's time goes. */
function reapedChildrenCpuMs(): number {
  const text = readFileSync('/proc/self/stat', 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the whole line.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
}

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

interface Half {
  result: Autocannon;
  cpuMs: number;
  loadCpuMs: number;
  seconds: number;
  /** Cores the whole machine kept busy meanwhile. */
  machineCores: number;
}

interface Run {
  target: string;
  processes: number;
  connections: number;
  result: Autocannon;
  cpuPerRequestMs: number;
  /** Cores the server and the load generator kept busy over the run. */
  serverCores: number;
  loadCores: number;
  /** Cores the rest of the machine (other sessions) kept busy meanwhile. */
  otherCores: number;
}

async function measureOnce(server: Server, path: string, connections: number, seconds: number): Promise<Half> {
  const before = server.cpuMs();
  const loadBefore = reapedChildrenCpuMs();
  const machineBefore = machineTicks();
  const result = await load(server.url + path, connections, seconds);
  const machineAfter = machineTicks();
  const machineCores = ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * availableParallelism();
  return { result, cpuMs: server.cpuMs() - before, loadCpuMs: reapedChildrenCpuMs() - loadBefore, seconds, machineCores };
}

/** Two halves of a run, summed: rates over the whole time, the worse half's latencies. */
function combine(a: Half, b: Half) {
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
  const ms = (a.seconds + b.seconds) * 1000;
  const serverCores = (a.cpuMs + b.cpuMs) / ms;
  const loadCores = (a.loadCpuMs + b.loadCpuMs) / ms;
  return {
    result,
    cpuPerRequestMs: (a.cpuMs + b.cpuMs) / (result['2xx'] + result.non2xx),
    serverCores,
    loadCores,
    otherCores: Math.max(0, (a.machineCores + b.machineCores) / 2 - serverCores - loadCores),
  };
}

/**
 * Every server twice, half the duration each, in a mirrored order (1 2 3 4 4 3 2 1): the other sessions' load on a
 * shared machine changes within seconds, and this way all see the same on average.
 */
async function measureAll(servers: { server: Server; target: string; processes: number }[], path: string, connections: number) {
  const half = duration / 2;
  const first: Half[] = [];
  for (const s of servers) first.push(await measureOnce(s.server, path, connections, half));
  const second: Half[] = [];
  for (const s of [...servers].reverse()) second.unshift(await measureOnce(s.server, path, connections, half));
  return servers.map((s, i): Run => ({ target: s.target, processes: s.processes, connections, ...combine(first[i]!, second[i]!) }));
}

const dir = mkdtempSync(join(tmpdir(), 'bench-reads-'));
const servers: Server[] = [];
let failed = false;
try {
  const lineup: { server: Server; target: string; processes: number }[] = [];
  let path = '';
  let platformBody = '';
  for (const processes of processCounts) {
    const platform = await startServer('platform', join(dir, `p${processes}`), processes);
    servers.push(platform);
    if (!path) {
      const regions = (await (await fetch(`${platform.url}/trpc/catalog.regions`)).json()) as { result: { data: { id: string }[] } };
      const regionId = regions.result.data[0]!.id;
      path = `/trpc/catalog.region?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { regionId } }))}`;
      platformBody = await (await fetch(platform.url + path)).text();
      const region = (JSON.parse(platformBody) as [{ result: { data: unknown } }])[0].result.data;
      writeFileSync(join(dir, 'region.json'), JSON.stringify(region));
    }
    const baseline = await startServer('baseline', join(dir, 'region.json'), processes);
    servers.push(baseline);
    for (const server of [platform, baseline]) {
      const body = await (await fetch(server.url + path)).text();
      if (body !== platformBody) {
        console.error(`${server.name} answers differently:\n${body.slice(0, 300)}\n${platformBody.slice(0, 300)}`);
        failed = true;
      }
    }
    lineup.push({ server: baseline, target: 'baseline', processes }, { server: platform, target: 'platform', processes });
  }

  console.info(
    `catalog.region (${platformBody.length} bytes), ${duration} s per server and connection count; ${availableParallelism()} cores; ` +
      `others' load before: ${fixed(await backgroundCores(1000), 2)} cores`,
  );
  for (const s of lineup) await load(s.server.url + path, 50, 2);

  const runs: Run[] = [];
  for (const connections of connectionCounts) runs.push(...(await measureAll(lineup, path, connections)));

  const rows = [
    [
      'server',
      'processes',
      'connections',
      'req/s',
      'p50 ms*',
      'p99 ms*',
      'max ms',
      'answers',
      'non-2xx',
      'errors',
      'timeouts',
      'CPU ms/req',
      'server cores',
      'load gen cores',
      'others cores',
    ],
  ];
  for (const r of runs) {
    rows.push([
      r.target,
      String(r.processes),
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
      fixed(r.serverCores, 2),
      fixed(r.loadCores, 2),
      fixed(r.otherCores, 2),
    ]);
  }
  console.info(`\n${table(rows)}\n* of the half with the worse p99\n`);
  for (const connections of connectionCounts) {
    const of = (target: string, processes: number) =>
      runs.find((r) => r.target === target && r.processes === processes && r.connections === connections)!;
    const one = of('platform', processCounts[0]!);
    for (const processes of processCounts) {
      const p = of('platform', processes);
      const b = of('baseline', processes);
      console.info(
        `${connections} connections, ${processes} process(es): platform/baseline ${fixed(p.result.requests.average / b.result.requests.average, 2)}× req/s, ` +
          `${fixed(p.cpuPerRequestMs / b.cpuPerRequestMs, 1)}× CPU per request; ` +
          `platform vs ${processCounts[0]} process(es) ${fixed(p.result.requests.average / one.result.requests.average, 2)}× req/s; ` +
          `platform vs baseline ×${processCounts[0]} ${fixed(p.result.requests.average / of('baseline', processCounts[0]!).result.requests.average, 2)}× req/s`,
      );
      if (p.result.errors + p.result.timeouts + p.result.non2xx > 0) failed = true;
    }
  }
} finally {
  for (const server of servers) server.process.kill();
  rmSync(dir, { recursive: true, force: true });
}
if (failed) {
  console.error('failed: see above');
  process.exit(1);
}

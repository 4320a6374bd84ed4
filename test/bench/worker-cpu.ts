/**
 * workerd's CPU per request under `wrangler dev` + sqld, one request at a time: a baseline the Worker answers from
 * memory (an unknown `/api/…` address: the 404 goes through every middleware and builds the request's deps, no
 * database), `catalog.region` answered from the catalog cache (repeated within its 1 s), `catalog.region` read from the
 * database (each request over 1 s after the previous one) and `applications.submit` of prepared drafts. CPU is the
 * workerd processes' utime + stime (`/proc/<pid>/stat`) over each phase, divided by its requests; round trips are the
 * HTTP requests a counting proxy between the Worker and sqld saw. `wrangler dev` runs two workerd processes: its own
 * proxy Worker (on the address requests go to; not deployed) and the project's Workers; both are counted, and the
 * split is printed. The load generator and the proxy run in this
 * process. `npm run bench:worker-cpu -- --requests 300 --spaced 15 --submits 50`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEnrollmentClient } from '../../src/client';
import { prepareDrafts } from '../helpers/worker-drafts';
import { startWorkerStack, workerDataKey } from '../helpers/worker-stack';
import { startCountingProxy } from './counting-proxy';
import { cpuMsOf, processesOf } from './group-cpu';
import { fixed, table } from './measure';

const now = '2024-07-20T10:00:00+08:00';

interface Phase {
  name: string;
  requests: number;
  wallMs: number;
  /** workerd CPU over the phase, less what workerd used idle over as long (`idleMsPerS`). */
  cpuMs: number;
  /** The same, by workerd process (wrangler dev runs its proxy Worker in one and the project's Workers in another). */
  byProcessMs: number[];
  wranglerCpuMs: number;
  roundTrips: Map<string, number>;
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** A workerd process by the address it serves (its `--socket-addr` arguments): which one is wrangler's proxy Worker. */
function socketsOf(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return (
      args
        .filter((a) => a.startsWith('--socket-addr'))
        .map((a) => a.replace('--socket-addr=', ''))
        .join(' ') || '(none)'
    );
  } catch {
    return '(gone)';
  }
}

export async function runWorkerCpuBench(options: { requests: number; spaced: number; submits: number }) {
  let proxy: Awaited<ReturnType<typeof startCountingProxy>> | undefined;
  const stack = await startWorkerStack({
    now,
    prepare: (db) => prepareDrafts(db, workerDataKey, new Date(now), options.submits),
    workerDatabaseUrl: async (sqldUrl) => {
      proxy = await startCountingProxy(sqldUrl);
      return proxy.url;
    },
  });
  const counter = proxy!;
  try {
    // wrangler dev runs two: its proxy Worker on the address asked for (dev only), then the project's Workers.
    const port = new URL(stack.url).port;
    const serves = (pid: number) => socketsOf(pid).includes(`:${port}`);
    const workerd = processesOf(stack.worker.pid, 'workerd').sort((a, b) => Number(serves(b)) - Number(serves(a)));
    if (workerd.length === 0) throw new Error('no workerd process in wrangler dev’s process group');
    const client = (token?: string) => createEnrollmentClient({ url: stack.url, token });
    const regionId = (await client().catalog.regions.query())[0]!.id;
    const missing = async () => {
      const response = await fetch(`${stack.url}/api/no-such-address`);
      await response.arrayBuffer();
      if (response.status !== 404) throw new Error(`baseline answered ${response.status}`);
    };
    const region = () => client().catalog.region.query({ regionId });
    // The smallest built script: workerd's asset handling alone, no Worker code (the floor under every request).
    const assetsDir = new URL('../../web/dist/assets/', import.meta.url);
    const asset = readdirSync(assetsDir)
      .filter((name) => name.endsWith('.js'))
      .sort((a, b) => statSync(new URL(a, assetsDir)).size - statSync(new URL(b, assetsDir)).size)[0]!;
    const staticAsset = async () => {
      const response = await fetch(`${stack.url}/assets/${asset}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`the static asset answered ${response.status}`);
    };

    // Warm-up: the isolate is built, the clock synced, the code paths compiled.
    for (let i = 0; i < 20; i++) {
      await missing();
      await region();
    }
    await sleep(1_000);

    // workerd's own CPU while nothing is asked of it, to take out of the phases that wait between requests.
    const idleStarted = performance.now();
    const idleCpu = cpuMsOf(workerd);
    await sleep(5_000);
    const idleMsPerS = (cpuMsOf(workerd) - idleCpu) / ((performance.now() - idleStarted) / 1000);

    const phase = async (name: string, requests: number, call: (i: number) => Promise<unknown>, settleMs = 0): Promise<Phase> => {
      counter.take();
      const cpu0 = cpuMsOf(workerd);
      const each0 = workerd.map((pid) => cpuMsOf([pid]));
      const wrangler0 = cpuMsOf([stack.worker.pid]);
      const started = performance.now();
      for (let i = 0; i < requests; i++) await call(i);
      // After-response work (waitUntil) still runs in workerd once the answer is out.
      if (settleMs > 0) await sleep(settleMs);
      const wallMs = performance.now() - started;
      const cpuMs = cpuMsOf(workerd) - cpu0 - (settleMs > 0 || name.includes('spaced') ? (idleMsPerS * wallMs) / 1000 : 0);
      const byProcessMs = workerd.map((pid, i) => cpuMsOf([pid]) - each0[i]!);
      return {
        name,
        requests,
        wallMs,
        cpuMs,
        byProcessMs,
        wranglerCpuMs: cpuMsOf([stack.worker.pid]) - wrangler0,
        roundTrips: counter.take(),
      };
    };

    const phases: Phase[] = [];
    phases.push(await phase('floor: a static asset, no Worker code', options.requests, staticAsset));
    phases.push(await phase('baseline: 404 from memory', options.requests, missing));
    phases.push(await phase('catalog.region, cached (back to back)', options.requests, region));
    await sleep(1_100);
    phases.push(
      await phase(`catalog.region, uncached (spaced 1.1 s)`, options.spaced, async (i) => {
        if (i > 0) await sleep(1_100);
        await region();
      }),
    );
    phases.push(await phase('baseline again: 404 from memory', options.requests, missing));
    const drafts = stack.prepared;
    phases.push(
      await phase(
        'applications.submit (+3 s after-response work)',
        drafts.length,
        (i) =>
          client(drafts[i]!.token).applications.submit.mutate({ applicationId: drafts[i]!.applicationId, version: drafts[i]!.version }),
        3_000,
      ),
    );
    return { workerd: workerd.map((pid) => `${pid}: ${socketsOf(pid)}`), url: stack.url, idleMsPerS, phases };
  } finally {
    await stack.stop();
    await counter.close();
  }
}

export function printWorkerCpuBench(report: Awaited<ReturnType<typeof runWorkerCpuBench>>) {
  const baselines = report.phases.filter((p) => p.name.includes('404'));
  const baseline = baselines.reduce((sum, p) => sum + p.cpuMs / p.requests, 0) / baselines.length;
  // The project's Workers' process alone (the last one: wrangler's proxy Worker, which is not deployed, is first).
  const appMs = (p: Phase) => p.byProcessMs[p.byProcessMs.length - 1]! / p.requests;
  const appBaseline = baselines.reduce((sum, p) => sum + appMs(p), 0) / baselines.length;
  console.log(
    `\nworkerd CPU per request (wrangler dev + sqld, one request at a time, Worker at ${report.url}; workerd processes: ${report.workerd.join('; ')}; workerd idle: ${fixed(report.idleMsPerS, 2)} CPU ms/s, taken out of the spaced and settling phases)`,
  );
  console.log(
    table([
      [
        'phase',
        'requests',
        'wall s',
        'workerd CPU ms/req',
        '× baseline',
        'proxy + app workerd (raw)',
        'app workerd ms/req',
        'app × baseline',
        'DB round trips/req',
        'sqld paths',
        'wrangler CPU ms/req',
      ],
      ...report.phases.map((p) => {
        const trips = total(p.roundTrips);
        return [
          p.name,
          String(p.requests),
          fixed(p.wallMs / 1000, 1),
          fixed(p.cpuMs / p.requests, 2),
          fixed(p.cpuMs / p.requests / baseline, 1),
          p.byProcessMs.map((ms) => fixed(ms / p.requests, 2)).join(' + '),
          fixed(appMs(p), 2),
          fixed(appMs(p) / appBaseline, 2),
          fixed(trips / p.requests, 2),
          [...p.roundTrips].map(([path, n]) => `${path} ${n}`).join(', ') || '—',
          fixed(p.wranglerCpuMs / p.requests, 2),
        ];
      }),
    ]),
  );
  console.log(
    `baseline (mean of the two 404 phases): ${fixed(baseline, 2)} workerd CPU ms per request, ${fixed(appBaseline, 2)} in the project's Workers' process`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '300' },
      spaced: { type: 'string', default: '15' },
      submits: { type: 'string', default: '50' },
    },
  });
  printWorkerCpuBench(
    await runWorkerCpuBench({ requests: Number(values.requests), spaced: Number(values.spaced), submits: Number(values.submits) }),
  );
}

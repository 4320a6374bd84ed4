/**
 * workerd's CPU per request under `wrangler dev` + sqld, one request at a time: a baseline the Worker answers from
 * memory (an unknown `/api/…` address: the 404 goes through every middleware and builds the request's deps, no
 * database), `catalog.region` answered from the catalog cache (repeated within its 1 s), `catalog.region` read from the
 * database (each request over 1 s after the previous one) and `applications.submit` of prepared drafts, its answer and
 * its after-response work (`waitUntil`) apart. CPU is the run time of the workerd processes' threads (nanoseconds,
 * `/proc/<pid>/task/<tid>/schedstat`) over each phase, divided by its requests; round trips are the HTTP requests a
 * counting proxy between the Worker and sqld saw. `wrangler dev` runs two workerd processes: its own proxy Worker (on
 * the address requests go to; not deployed) and the project's Workers; both are counted, and the split is printed.
 * The load generator and the proxy run in this
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
import { cpuMsOf, processesOf, runtimeMsOf } from './group-cpu';
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
    const idleEach = workerd.map((pid) => runtimeMsOf([pid]));
    await sleep(5_000);
    const idleSeconds = (performance.now() - idleStarted) / 1000;
    const idleEachPerS = workerd.map((pid, k) => (runtimeMsOf([pid]) - idleEach[k]!) / idleSeconds);
    const idleMsPerS = idleEachPerS.reduce((a, b) => a + b, 0);

    const phase = async (name: string, requests: number, call: (i: number) => Promise<unknown>, settleMs = 0): Promise<Phase> => {
      counter.take();
      const cpu0 = runtimeMsOf(workerd);
      const each0 = workerd.map((pid) => runtimeMsOf([pid]));
      const wrangler0 = cpuMsOf([stack.worker.pid]);
      const started = performance.now();
      for (let i = 0; i < requests; i++) await call(i);
      // After-response work (waitUntil) still runs in workerd once the answer is out.
      if (settleMs > 0) await sleep(settleMs);
      const wallMs = performance.now() - started;
      const waits = settleMs > 0 || name.includes('spaced');
      const cpuMs = runtimeMsOf(workerd) - cpu0 - (waits ? (idleMsPerS * wallMs) / 1000 : 0);
      const byProcessMs = workerd.map((pid, i) => runtimeMsOf([pid]) - each0[i]! - (waits ? (idleEachPerS[i]! * wallMs) / 1000 : 0));
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

    /**
     * The submit split in two: each request's answer (workerd's CPU from sending it to its answer), then its
     * after-response work (`waitUntil`: the SMS and the checks) alone, in a pause of `afterMs` before the next
     * request, less workerd's idle CPU over the pause; and both together.
     */
    const submitPhases = async (requests: number, call: (i: number) => Promise<unknown>, afterMs = 300): Promise<Phase[]> => {
      const answer = { wallMs: 0, each: workerd.map(() => 0), wrangler: 0, trips: new Map<string, number>() };
      const after = { wallMs: 0, each: workerd.map(() => 0), wrangler: 0, trips: new Map<string, number>() };
      const add = (into: Map<string, number>, from: Map<string, number>) => {
        for (const [path, n] of from) into.set(path, (into.get(path) ?? 0) + n);
      };
      counter.take();
      for (let i = 0; i < requests; i++) {
        const each0 = workerd.map((pid) => runtimeMsOf([pid]));
        const wrangler0 = cpuMsOf([stack.worker.pid]);
        const started = performance.now();
        await call(i);
        const each1 = workerd.map((pid) => runtimeMsOf([pid]));
        const wrangler1 = cpuMsOf([stack.worker.pid]);
        const answered = performance.now();
        add(answer.trips, counter.take());
        await sleep(afterMs);
        const each2 = workerd.map((pid) => runtimeMsOf([pid]));
        add(after.trips, counter.take());
        answer.wallMs += answered - started;
        after.wallMs += performance.now() - answered;
        answer.wrangler += wrangler1 - wrangler0;
        after.wrangler += cpuMsOf([stack.worker.pid]) - wrangler1;
        workerd.forEach((_, k) => {
          answer.each[k]! += each1[k]! - each0[k]!;
          after.each[k]! += each2[k]! - each1[k]!;
        });
      }
      // workerd's idle CPU over the pauses comes out of the after-response work.
      after.each = after.each.map((ms, k) => ms - (idleEachPerS[k]! * after.wallMs) / 1000);
      const phaseOf = (name: string, part: typeof answer): Phase => ({
        name,
        requests,
        wallMs: part.wallMs,
        cpuMs: part.each.reduce((a, b) => a + b, 0),
        byProcessMs: part.each,
        wranglerCpuMs: part.wrangler,
        roundTrips: part.trips,
      });
      const both = {
        wallMs: answer.wallMs + after.wallMs,
        each: answer.each.map((ms, k) => ms + after.each[k]!),
        wrangler: answer.wrangler + after.wrangler,
        trips: new Map(answer.trips),
      };
      add(both.trips, after.trips);
      return [
        phaseOf('applications.submit: the answer', answer),
        phaseOf(`applications.submit: after-response work (${afterMs} ms pause each)`, after),
        phaseOf('applications.submit: answer + after-response', both),
      ];
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
      ...(await submitPhases(drafts.length, (i) =>
        client(drafts[i]!.token).applications.submit.mutate({ applicationId: drafts[i]!.applicationId, version: drafts[i]!.version }),
      )),
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

/**
 * `npm run bench:submit [-- --closed 1000 --in-flight 50 --open 500 --burst 20000 --skip-burst --processes N]`:
 * `applications.submit` at the window's opening, with the host, the load generator and the raw baseline each in a
 * process of their own. A fresh libSQL file gets every draft first (`submit-drafts.ts`, not timed); the real Node host
 * (`worker/node.ts`, `ENROLL_PROCESSES` = `--processes` if given) serves it with the clock at the opening; the load
 * generator (`submit-load.ts`) sends the submissions over HTTP and reads the host's CPU from /proc; the baseline
 * (`submit-baseline.ts`) writes the same rows through `@libsql/client` alone, synchronous=FULL, in the same pattern,
 * just before and just after the platform. Scenarios:
 * 1. closed loop: `--closed` submissions, `--in-flight` at a time: submissions/s and CPU per submission against the raw baseline's;
 * 2. `--open` submissions opened evenly within `--open-within` ms: time until all are done, p99;
 * 3. the opening burst (`--burst` parents over `--burst-seconds`, `submit-arrivals.ts` `openingBurst`): errors,
 *    latency over time, and how long the SMS and system checks take to drain afterwards.
 * At the end every submitted application is checked in the database; exits 1 on any error or wrong count.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import type { PreparedDraft } from '../helpers/worker-drafts';
import { tempDir } from '../helpers/temp';
import type { BaselineOptions } from './baseline';
import { backgroundCores, codeVersion, fdatasyncLatencies, fixed, percentile, table } from './measure';
import { windowOpens } from './rush';
import { evenly, openingBurst, shareBefore } from './submit-arrivals';
import type { BaselineResult } from './submit-baseline';
import { prepareSubmitDrafts } from './submit-drafts';
import { burstTimeline, cpuEach, fromBaseline, fromLoad, latencyCells, ms, rate, ratio, sec } from './submit-rows';
import { type EndStateRow, submittedEndState, waitDrained } from './submit-end-state';
import { inOwnProcess, stopOwnProcesses } from './submit-fork';
import { type HostProcess, startHostProcess } from './submit-host';
import type { LoadResult, LoadSpec } from './submit-load';

const { values } = parseArgs({
  options: {
    closed: { type: 'string', default: '1000' },
    'in-flight': { type: 'string', default: '50' },
    open: { type: 'string', default: '500' },
    'open-within': { type: 'string', default: '1000' },
    burst: { type: 'string', default: '20000' },
    'burst-seconds': { type: 'string', default: '300' },
    'skip-burst': { type: 'boolean', default: false },
    processes: { type: 'string' },
    warmup: { type: 'string', default: '100' },
    'drain-timeout': { type: 'string', default: '600' },
  },
});
const count = (name: keyof typeof values, min = 0) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
};
const closedSubmits = count('closed', 1);
const concurrency = count('in-flight', 1);
const openSubmits = count('open', 1);
const openWithinMs = count('open-within', 1);
const burst = values['skip-burst'] ? 0 : count('burst');
const burstSeconds = count('burst-seconds', 1);
const warmup = count('warmup');
const drainTimeoutMs = count('drain-timeout', 1) * 1000;
const processes = values.processes === undefined ? undefined : count('processes', 1);
const dataKey = 'bench-submit-data-key-not-a-secret-0123456789';

async function main(): Promise<boolean> {
  const model =
    readFileSync('/proc/cpuinfo', 'utf8')
      .match(/^model name\s*:\s*(.+)$/m)?.[1]
      ?.trim() ?? cpus()[0]?.model;
  console.info('Submit benchmark (npm run bench:submit)');
  console.info(`machine: ${model}, ${cpus().length} cores, Node ${process.version}, Linux ${release()}; ${new Date().toISOString()}`);
  console.info(`code: ${codeVersion()}`);
  console.info(
    `before the run: load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; other work kept ${fixed(await backgroundCores(1000), 2)} cores busy over 1 s`,
  );

  const dir = tempDir('bench-submit');
  let host: HostProcess | undefined;
  const cleanUp = () => {
    stopOwnProcesses();
    if (host) {
      try {
        process.kill(-host.group, 'SIGKILL');
      } catch {
        // ended
      }
    }
    dir.remove();
  };
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  const failures: string[] = [];
  try {
    const sync = fdatasyncLatencies(join(dir.path, 'fsync-probe'));
    console.info(
      `disk: 4 KiB write + fdatasync, ${sync.length}×: p50 ${fixed(percentile(sync, 50), 3)} ms, p99 ${fixed(percentile(sync, 99), 3)} ms`,
    );

    const dbFile = join(dir.path, 'platform.db');
    const total = warmup + closedSubmits + openSubmits + burst;
    const prepStarted = performance.now();
    const drafts = await prepareSubmitDrafts(dbFile, dataKey, new Date(windowOpens), total);
    console.info(
      `prepared ${drafts.length} complete drafts (5 document rows each) in ${sec(performance.now() - prepStarted)} s (not timed below)`,
    );
    let next = 0;
    const take = (n: number): PreparedDraft[] => {
      next += n;
      return drafts.slice(next - n, next);
    };
    const acknowledged: PreparedDraft[] = [];
    const failed: PreparedDraft[] = [];

    const db = createClient({ url: `file:${dbFile}` });
    const form = String((await db.execute('SELECT form FROM applications LIMIT 1')).rows[0]!.form);

    mkdirSync(join(dir.path, 'files'));
    host = await startHostProcess({ dbFile, filesDir: join(dir.path, 'files'), dataKey, now: windowOpens, processes });
    const settings = await db.execute('PRAGMA journal_mode');
    console.info(
      `host: worker/node.ts, ENROLL_PROCESSES=${processes ?? '(not set: the host default)'}, ${host.nodeProcesses()} Node process(es) in its group; clock from ${windowOpens}; database journal_mode=${settings.rows[0]![0]}`,
    );

    const load = async (name: string, batch: PreparedDraft[], arrivals: LoadSpec['arrivals']) => {
      const result = await inOwnProcess<LoadSpec, LoadResult>('./submit-load.ts', {
        url: host!.url,
        drafts: batch.map(({ token, applicationId, version }) => ({ token, applicationId, version })),
        arrivals,
        hostGroup: host!.group,
      });
      for (const [k, draft] of batch.entries()) (result.latencyMs[k]! >= 0 ? acknowledged : failed).push(draft);
      const row = fromLoad(name, result);
      const drained = await waitDrained(db, drainTimeoutMs);
      if (drained.left)
        failures.push(`${name}: after ${sec(drained.ms)} s still ${drained.left.outbox} SMS and ${drained.left.checks} checks to do`);
      row.cpuUntilDrainedMs = host!.cpuMs() - result.hostCpuStartMs;
      return { row, result, drainedMs: drained.ms, processes: result.hostProcesses };
    };
    let baselineRound = 0;
    const baseline = (name: string, rows: number, pattern: Pick<BaselineOptions, 'concurrency' | 'openAt'>) =>
      inOwnProcess<BaselineOptions, BaselineResult>('./submit-baseline.ts', {
        file: join(dir.path, `baseline-${++baselineRound}.db`),
        rows,
        synchronous: 'FULL',
        form,
        verificationJob: true,
        ...pattern,
      }).then((b) => {
        for (const [what, n] of Object.entries(b.endState)) if (n !== rows) failures.push(`${name}: ${what} ${n}, expected ${rows}`);
        return fromBaseline(name, b);
      });

    if (warmup > 0) {
      const w = await load('warm-up', take(warmup), { kind: 'closed', concurrency: Math.min(10, concurrency) });
      console.info(`warm-up: ${w.row.submits} submissions (not reported)`);
    }

    // 1. Closed loop.
    const before1 = await baseline('raw libSQL (before)', closedSubmits, { concurrency });
    const platform1 = await load('platform over HTTP', take(closedSubmits), { kind: 'closed', concurrency });
    const after1 = await baseline('raw libSQL (after)', closedSubmits, { concurrency });
    const rawRate = (rate(before1) + rate(after1)) / 2;
    const rawCpu = (cpuEach(before1) + cpuEach(after1)) / 2;
    console.info(
      `\n1. Closed loop: ${closedSubmits} submissions, ${concurrency} in flight (raw libSQL: same rows, synchronous=FULL, fresh file)`,
    );
    console.info(
      table([
        [
          'run',
          'submits',
          'errors',
          'wall s',
          'submits/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'server CPU ms each',
          '… until drained',
          'others (cores)',
        ],
        ...[before1, platform1.row, after1].map((r) => [
          r.name,
          String(r.submits),
          String(r.errors.length),
          sec(r.wallMs),
          fixed(rate(r), 1),
          ...latencyCells(r),
          fixed(cpuEach(r), 2),
          r.cpuUntilDrainedMs === undefined ? '' : fixed(r.cpuUntilDrainedMs / r.submits, 2),
          fixed(r.othersCores, 2),
        ]),
      ]),
    );
    const p1 = platform1.row;
    console.info(
      `ratio: platform / raw = ${ratio(rate(p1) / rawRate)} submissions/s (vs each raw run: ${[rate(before1), rate(after1)]
        .map((r) => fixed(rate(p1) / r, 2))
        .sort()
        .join('–')}; goal ≥ 0.5×); ` +
        `CPU per submission ${ratio(cpuEach(p1) / rawCpu)} raw (${ratio((p1.cpuUntilDrainedMs ?? Number.NaN) / p1.submits / rawCpu)} with the after-response work)`,
    );
    console.info(
      `host processes: ${platform1.processes}; load generator CPU ${fixed(p1.loadCpuMs! / p1.submits, 2)} ms per submission; SMS and checks drained ${sec(platform1.drainedMs)} s after the last answer`,
    );

    // 2. Open loop: `openSubmits` opened evenly within `openWithinMs`.
    const offsets = evenly(openSubmits, openWithinMs);
    const before2 = await baseline('raw libSQL (before)', openSubmits, { concurrency: openSubmits, openAt: offsets });
    const platform2 = await load('platform over HTTP', take(openSubmits), { kind: 'open', offsetsMs: offsets });
    const after2 = await baseline('raw libSQL (after)', openSubmits, { concurrency: openSubmits, openAt: offsets });
    console.info(
      `\n2. Open loop: ${openSubmits} submissions opened evenly within ${sec(openWithinMs)} s (latency from each planned start)`,
    );
    console.info(
      table([
        [
          'run',
          'submits',
          'errors',
          'all done s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'server CPU ms each',
          'others (cores)',
          'generator late ms',
        ],
        ...[before2, platform2.row, after2].map((r) => [
          r.name,
          String(r.submits),
          String(r.errors.length),
          sec(r.wallMs),
          ...latencyCells(r),
          fixed(cpuEach(r), 2),
          fixed(r.othersCores, 2),
          r.maxLagMs === undefined ? '' : ms(r.maxLagMs),
        ]),
      ]),
    );
    const p2 = platform2.row;
    const p99 = percentile(p2.latencies, 99);
    const rawDone = (before2.wallMs + after2.wallMs) / 2;
    console.info(
      `all done: platform ${sec(p2.wallMs)} s vs raw ${sec(before2.wallMs)} / ${sec(after2.wallMs)} s (raw / platform = ${ratio(rawDone / p2.wallMs)}); ` +
        `p99 ${ms(p99)} ms: goal ≤ 1,000 ms ${p99 <= 1000 && p2.errors.length === 0 ? 'met' : 'NOT met'}; CPU per submission ${ratio(cpuEach(p2) / ((cpuEach(before2) + cpuEach(after2)) / 2))} raw`,
    );

    // 3. The opening burst.
    if (burst > 0) {
      const arrivals = openingBurst(burst, burstSeconds);
      console.info(
        `\n3. Opening burst: ${burst} parents over ${burstSeconds} s (${fixed(shareBefore(arrivals, 10_000) * 100, 0)} % in the first 10 s, ` +
          `${fixed(shareBefore(arrivals, 60_000) * 100, 0)} % in the first minute; see submit-arrivals.ts) …`,
      );
      const b = await load('platform over HTTP', take(burst), { kind: 'open', offsetsMs: arrivals });
      const r = b.row;
      const { lastDone, timeline } = burstTimeline(b.result, burstSeconds);
      console.info(table([['arrived in', 'arrivals', 'answered in', 'p50 ms', 'p99 ms', 'errors'], ...timeline]));
      console.info(
        `${r.submits} submitted, ${r.errors.length} errors; all answered ${sec(lastDone)} s after the first arrival; p50 ${ms(percentile(r.latencies, 50))} ms, p99 ${ms(percentile(r.latencies, 99))} ms, max ${ms(Math.max(...r.latencies))} ms; ` +
          `host CPU ${fixed(cpuEach(r), 2)} ms per submission (${fixed(r.cpuMs / r.wallMs, 2)} cores on average; ${fixed((r.cpuUntilDrainedMs ?? 0) / r.submits, 2)} ms with the after-response work); others ${fixed(r.othersCores, 2)} cores; generator at most ${ms(r.maxLagMs ?? 0)} ms late`,
      );
      console.info(`SMS and system checks drained ${sec(b.drainedMs)} s after the last answer (the host's sweeper runs every 60 s)`);
      for (const e of r.errors) failures.push(`burst: ${e}`);
    }
    for (const row of [before1, p1, after1, before2, p2, after2]) for (const e of row.errors) failures.push(`${row.name}: ${e}`);

    console.info('\nEnd state (every submission the bench sent, warm-up included, read from the database)');
    const endState: EndStateRow[] = await submittedEndState(db, acknowledged, failed);
    console.info(
      table([
        ['check', 'count', 'expected', ''],
        ...endState.map((e) => [e.name, String(e.count), String(e.expected), e.count === e.expected ? 'ok' : 'MISMATCH']),
      ]),
    );
    for (const e of endState) if (e.count !== e.expected) failures.push(`end state: ${e.name} ${e.count}, expected ${e.expected}`);
    db.close();
    await host.stop();
    // Without `npm run build` the host says once that it has no web/dist to serve: not a failure of the API.
    const hostErrors = host.stderr.filter((line) => line.trim() !== '' && !line.startsWith('serveStatic: root path'));
    if (hostErrors.length > 0) {
      console.info(`host stderr (${hostErrors.length} lines; first 5):\n  ${hostErrors.slice(0, 5).join('\n  ')}`);
      failures.push(`the host wrote ${hostErrors.length} lines to stderr`);
    }
    host = undefined;
  } finally {
    cleanUp();
  }
  console.info(
    `\nafter the run: load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const grouped = new Map<string, number>();
  for (const f of failures) grouped.set(f, (grouped.get(f) ?? 0) + 1);
  console.info(`errors: ${failures.length}`);
  for (const [f, n] of [...grouped].slice(0, 20)) console.info(`  ${n > 1 ? `${n}× ` : ''}${f}`);
  if (grouped.size > 20) console.info(`  … and ${grouped.size - 20} other messages`);
  return failures.length === 0;
}

process.exitCode = (await main()) ? 0 : 1;

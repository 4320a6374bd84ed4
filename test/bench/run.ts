/**
 * `npm run bench [-- --parents N --concurrency C --sample S --worker W]`: the midnight rush against the real Node host, and in
 * the same run the raw libSQL baseline of the rows a submission writes (synchronous=FULL and NORMAL). Speed is
 * reported as measured figures and as ratios against the baseline of this run. Not part of `npm test`.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tempDir } from '../helpers/temp';
import { type BaselineReport, runBaseline } from './baseline';
import { backgroundCores, codeVersion, fdatasyncLatencies, fixed, percentile, type Step, table } from './measure';
import { printQueueBench, runQueueBench } from './review-queue';
import { type PhaseReport, runRush, windowOpens } from './rush';
import { printWorkerBench, runWorkerBench } from './worker-load';

const { values } = parseArgs({
  options: {
    parents: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '50' },
    sample: { type: 'string', default: '20' },
    queue: { type: 'string', default: '50000' },
    worker: { type: 'string', default: '1000' },
  },
});
const parents = Number(values.parents);
const concurrency = Number(values.concurrency);
const sample = Number(values.sample);
if (!Number.isInteger(parents) || parents < 1 || parents > 4000)
  throw new Error('--parents must be 1–4000 (the factory writes its sessions in one statement)');
if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a positive integer');
// The host allows 60 codes an hour from one address, and every simulated parent comes from 127.0.0.1.
if (!Number.isInteger(sample) || sample < 0 || sample > 50) throw new Error('--sample must be 0–50 (60 codes/hour per address)');

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const dir = tmpdir();
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(' '))
    .filter(([, point]) => point && (dir === point || dir.startsWith(point.endsWith('/') ? point : `${point}/`)))
    .sort((a, b) => b[1]!.length - a[1]!.length);
  const mount = mounts[0];
  return {
    cpu: model,
    cores: cpus().length,
    node: process.version,
    kernel: release(),
    tmp: `${dir} on ${mount?.[2] ?? '?'} (${mount?.[0] ?? '?'})`,
  };
}

const baselineRounds = 3;
const ms = (v: number) => fixed(v, 1);
const rate = (b: BaselineReport) => b.submits / (b.wallMs / 1000);
const median = (reports: BaselineReport[]) => [...reports].sort((a, b) => rate(a) - rate(b))[Math.floor(reports.length / 2)]!;
const others = (p: { machineCores: number; cpuMs: number; wallMs: number }) =>
  `${fixed(Math.max(0, (p.machineCores - p.cpuMs / p.wallMs) * 100), 0)}%`;
const syncName = (value: string) => (({ 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' }) as Record<string, string>)[value] ?? value;
const stepRow = (step: Step, phaseMs: number) => [
  step.name,
  String(step.latencies.length),
  String(step.errors.length),
  fixed(step.latencies.length / (phaseMs / 1000), 1),
  ms(percentile(step.latencies, 50)),
  ms(percentile(step.latencies, 95)),
  ms(percentile(step.latencies, 99)),
  ms(Math.max(...step.latencies)),
];

function phaseRow(p: PhaseReport, unit: string) {
  return [
    `${p.name}`,
    `${p.units} ${unit}`,
    fixed(p.wallMs / 1000, 2),
    fixed(p.units / (p.wallMs / 1000), 1),
    fixed(p.cpuMs / p.units, 2),
    `${fixed((p.cpuMs / p.wallMs) * 100, 0)}%`,
    others(p),
    `${fixed(p.loopBusy * 100, 0)}%`,
    fixed(p.sql.reads / p.units, 1),
    fixed(p.sql.writes / p.units, 1),
    fixed(p.sql.commits / p.units, 1),
  ];
}

async function main() {
  const m = machine();
  console.log('Midnight rush benchmark (npm run bench)');
  console.log(`machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, Linux ${m.kernel}; temp files: ${m.tmp}`);
  console.log(`code: ${codeVersion()}`);
  console.log(
    `before the run: load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; other work kept ${fixed(await backgroundCores(), 2)} of ${m.cores} cores busy over 2 s (/proc/stat)`,
  );
  console.log(
    `parents: ${parents}, concurrency: ${concurrency}, real sign-ins: ${Math.min(sample, parents)} (the rest: factory sessions), clock from ${windowOpens}`,
  );

  const dir = tempDir('bench');
  const cleanUp = () => dir.remove();
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  process.once('exit', cleanUp); // also when the output pipe closes early (EPIPE) and the process dies on it
  let failed = false;
  try {
    const sync = fdatasyncLatencies(join(dir.path, 'fsync-probe'));
    console.log(
      `disk: 4 KiB write + fdatasync, ${sync.length}×: p50 ${fixed(percentile(sync, 50), 3)} ms, p99 ${fixed(percentile(sync, 99), 3)} ms`,
    );
    // The raw rounds are short (about a second each): three fresh files per setting, FULL and NORMAL taking turns,
    // the first pair just before the platform's submit phase and two after it; the median round is the figure.
    const rounds: Record<'FULL' | 'NORMAL', BaselineReport[]> = { FULL: [], NORMAL: [] };
    const baselineRound = async (form: string) => {
      const round = rounds.FULL.length + 1;
      for (const synchronous of ['FULL', 'NORMAL'] as const) {
        const file = join(dir.path, `baseline-${synchronous.toLowerCase()}-${round}.db`);
        rounds[synchronous].push(await runBaseline({ file, rows: parents, concurrency, synchronous, form }));
      }
    };
    const rush = await runRush({ parents, concurrency, signInSample: sample, dir: dir.path, beforeSubmit: baselineRound });
    while (rounds.FULL.length < baselineRounds) await baselineRound(rush.sampleForm);
    const full = median(rounds.FULL);
    const normal = median(rounds.NORMAL);

    const s = rush.settings;
    console.log(
      `\nplatform database (read back from the host's connection): journal_mode=${s.journalMode}, synchronous=${syncName(s.synchronous)}, busy_timeout=${s.busyTimeout}, foreign_keys=${s.foreignKeys}`,
    );
    console.log(`factory: ${rush.factory.parents} accounts + sessions written in one batch in ${ms(rush.factory.ms)} ms (not timed below)`);

    console.log('\nPhases (CPU = this whole process — host, load generator and libSQL, user + system — over wall time, 200% = both cores;');
    console.log("others = the rest of the machine's busy CPU in the same time (/proc/stat), i.e. work that competed with the bench;");
    console.log("loop busy = share of wall time the main thread's event loop was not idle; SQL counted at the host's libSQL client)");
    console.log(
      table([
        ['phase', 'done', 'wall s', 'per s', 'CPU ms each', 'CPU', 'others', 'loop busy', 'SQL reads each', 'writes each', 'commits each'],
        phaseRow(rush.journey, 'flows'),
        phaseRow(rush.submit, 'submits'),
      ]),
    );
    const flowsWall = (rush.journey.wallMs + rush.submit.wallMs) / 1000;
    console.log(
      `whole flows (journey + submit): ${fixed(rush.submit.units / flowsWall, 1)} flows/s, ${fixed((rush.journey.cpuMs + rush.submit.cpuMs) / rush.submit.units, 1)} CPU ms per flow`,
    );

    console.log("\nSteps over HTTP (latency ms; calls/s over the step's phase — the journey steps share one phase)");
    console.log(
      table([
        ['step', 'calls', 'errors', 'calls/s', 'p50', 'p95', 'p99', 'max'],
        ...[...rush.recorder.steps.values()].map((step) =>
          stepRow(step, step.name === 'applications.submit' ? rush.submit.wallMs : rush.journey.wallMs),
        ),
      ]),
    );

    const submitStep = rush.recorder.step('applications.submit');
    const platformRate = rush.submit.units / (rush.submit.wallMs / 1000);
    const baseRow = (label: string, b: BaselineReport) => {
      const step = b.recorder.step('raw submit batch');
      return [
        label,
        String(b.submits),
        String(step.errors.length),
        fixed(b.wallMs / 1000, 2),
        fixed(b.submits / (b.wallMs / 1000), 1),
        ms(percentile(step.latencies, 50)),
        ms(percentile(step.latencies, 95)),
        ms(percentile(step.latencies, 99)),
        fixed(b.cpuMs / b.submits, 3),
        others(b),
        `${fixed(b.loopBusy * 100, 0)}%`,
      ];
    };
    const fullRate = rate(full);
    const normalRate = rate(normal);
    console.log(`\nSubmit vs raw libSQL baseline (same rows, same concurrency ${concurrency}, fresh files, WAL)`);
    console.log(
      table([
        ['run', 'submits', 'errors', 'wall s', 'submits/s', 'p50', 'p95', 'p99', 'CPU ms each', 'others', 'loop busy'],
        [
          'platform over HTTP (FULL)',
          String(rush.submit.units),
          String(submitStep.errors.length),
          fixed(rush.submit.wallMs / 1000, 2),
          fixed(platformRate, 1),
          ms(percentile(submitStep.latencies, 50)),
          ms(percentile(submitStep.latencies, 95)),
          ms(percentile(submitStep.latencies, 99)),
          fixed(rush.submit.cpuMs / rush.submit.units, 3),
          others(rush.submit),
          `${fixed(rush.submit.loopBusy * 100, 0)}%`,
        ],
        baseRow(`raw libSQL, synchronous=${syncName(full.synchronous)}`, full),
        baseRow(`raw libSQL, synchronous=${syncName(normal.synchronous)}`, normal),
      ]),
    );
    const range = (reports: BaselineReport[]) =>
      reports
        .map(rate)
        .sort((a, b) => a - b)
        .map((r) => fixed(r, 0))
        .join(' / ');
    console.log(
      `raw rows are the median of ${baselineRounds} rounds by submits/s (one before the platform's submit phase, two after); all rounds: FULL ${range(rounds.FULL)}, NORMAL ${range(rounds.NORMAL)}`,
    );
    console.log(
      `ratios (submits/s): platform / raw FULL = ${fixed(platformRate / fullRate, 3)}; platform / raw NORMAL = ${fixed(platformRate / normalRate, 3)}; raw NORMAL / raw FULL = ${fixed(normalRate / fullRate, 2)} (what FULL costs the raw write)`,
    );
    console.log(`CPU per submit: platform = ${fixed(rush.submit.cpuMs / rush.submit.units / (full.cpuMs / full.submits), 1)} × raw FULL`);

    console.log('\nEnd state');
    const expected: Record<string, number> = {
      accounts: parents,
      applications: parents,
      'applications submitted': parents,
      'history rows → submitted': parents,
      'applications with one such row': parents,
      'outbox rows (submission SMS)': parents,
      '… of them sent': parents,
      'in-app messages (submission)': parents,
      'system checks still queued': 0,
      'document rows': parents * 5,
      'document files on disk': parents * 5,
    };
    const endRows = [['platform', 'count', 'expected', '']];
    for (const [name, n] of Object.entries(rush.endState)) {
      const ok = n === expected[name];
      if (!ok) failed = true;
      endRows.push([name, String(n), String(expected[name]), ok ? 'ok' : 'MISMATCH']);
    }
    for (const [setting, reports] of Object.entries(rounds)) {
      for (const name of Object.keys(reports[0]!.endState)) {
        const counts = reports.map((b) => b.endState[name]!);
        const ok = counts.every((n) => n === parents);
        if (!ok) failed = true;
        endRows.push([`raw ${setting}, each round: ${name}`, counts.join(' / '), String(parents), ok ? 'ok' : 'MISMATCH']);
      }
    }
    console.log(table(endRows));

    const errors = [
      ...[...rush.recorder.steps.values()].flatMap((st) => st.errors.map((e) => `${st.name}: ${e}`)),
      ...[...rounds.FULL, ...rounds.NORMAL].flatMap((b) =>
        b.recorder.step('raw submit batch').errors.map((e) => `raw submit (${syncName(b.synchronous)}): ${e}`),
      ),
      ...rush.appErrors.map((e) => `host log ${e}`),
    ];
    console.log(`\nerrors: ${errors.length}`);
    for (const e of errors.slice(0, 20)) console.log(`  ${e}`);
    if (errors.length > 20) console.log(`  … and ${errors.length - 20} more`);
    if (errors.length) failed = true;
    console.log(
      `after the run: load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    cleanUp();
  }
  if (failed) process.exitCode = 1;
}

await main();

// The review queue with many applications (its own database; `--queue 0` skips it).
const queueSize = Number(values.queue);
if (queueSize > 0) printQueueBench(await runQueueBench(queueSize));

// The Worker under a burst of `--worker` concurrent requests of each kind (wrangler dev + sqld; `--worker 0` skips it).
const workerBurst = Number(values.worker);
if (workerBurst > 0 && !printWorkerBench(await runWorkerBench(workerBurst))) process.exitCode = 1;

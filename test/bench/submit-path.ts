/**
 * `npm run bench:submit-path [-- --submissions 300 --concurrency 50 --runs 3 --profile]`: the cost of one submission on
 * the Node host, for the work on the submit path (decision 029). Per run: a fresh libSQL file with `--submissions`
 * prepared drafts, the real Node host in a process of its own (`submit-path-host.ts`), every draft submitted by this
 * process (`--concurrency` in flight), then the wait until every SMS is sent and every system check done. The raw
 * libSQL batch writing the same rows (`baseline.ts`, synchronous=FULL) runs just before and just after, in this
 * process, as the baseline of the same run. Prints answered and completed submissions per second as ratios against
 * the baseline, host CPU per submission, and the host's statements, round trips and commits per submission.
 * `--profile` writes the host's CPU profile (`--cpu-prof`) into the run's folder and keeps it.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { seedCatalog } from '../../db/seed';
import { createEnrollmentClient } from '../../src/client';
import { prepareDrafts } from '../helpers/worker-drafts';
import { workerDataKey } from '../helpers/worker-stack';
import { runBaseline } from './baseline';
import { backgroundCores, describeError, fixed, percentile, pool, table } from './measure';
import type { HostMessage, TripCounts } from './submit-path-host';

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
    'sweep-every-ms': { type: 'string' },
  },
});
const submissions = Number(values.submissions);
const concurrency = Number(values.concurrency);
const traced = 3;
const now = '2024-07-20T10:00:00+08:00';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Probe = Extract<HostMessage, { cpu: unknown }>;

function startHost(dir: string): Promise<{ url: string; child: ChildProcess; probe: () => Promise<Probe> }> {
  const child = fork(new URL('./submit-path-host.ts', import.meta.url).pathname, [dir], {
    execArgv: ['--import', 'tsx', ...(values.profile ? ['--cpu-prof', '--cpu-prof-dir', join(dir, 'profile')] : [])],
    env: {
      ...process.env,
      DATA_KEY: workerDataKey,
      ENROLL_NOW: now,
      ...(values['sweep-every-ms'] ? { SWEEP_EVERY_MS: values['sweep-every-ms'] } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let waiting: ((m: Probe) => void) | null = null;
  return new Promise((ready, fail) => {
    child.once('exit', (code) => fail(new Error(`host exited with ${code}`)));
    child.on('message', (m: HostMessage) => {
      if ('ready' in m)
        ready({
          url: m.ready,
          child,
          probe: () =>
            new Promise((answer) => {
              waiting = answer;
              child.send('probe');
            }),
        });
      else waiting?.(m);
    });
  });
}

const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;

interface Run {
  answeredMs: number;
  completeMs: number;
  latencies: number[];
  errors: string[];
  /** Host CPU over the answers, and until all after-response work was done. */
  answerCpuMs: number;
  completeCpuMs: number;
  /** Each of the submissions made one at a time before the burst, with its after-response work. */
  oneByOne: TripCounts[];
  /** Everything the burst asked of the database, answers and after-response work. */
  burst: TripCounts;
  raw: number[];
  rawCpuMsEach: number[];
  others: number;
  profile?: string;
}

async function baseline(dir: string, form: string, round: number) {
  const report = await runBaseline({ file: join(dir, `raw-${round}.db`), rows: submissions, concurrency, synchronous: 'FULL', form });
  return { rate: report.submits / (report.wallMs / 1000), cpuMsEach: report.cpuMs / report.submits };
}

async function run(): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'enrollment-submit-path-'));
  let host: Awaited<ReturnType<typeof startHost>> | undefined;
  try {
    const db = await createDb(`file:${dir}/submit.db`);
    await migrateDb(db);
    await seedCatalog(db);
    const prepared = await prepareDrafts(db, workerDataKey, new Date(now), submissions + traced);
    const [{ form } = { form: '{}' }] = await db.all<{ form: string }>(sql`SELECT form FROM applications LIMIT 1`);
    db.$client.close();
    const alone = prepared.slice(0, traced);
    const drafts = prepared.slice(traced);

    const others = await backgroundCores(1000);
    const before = await baseline(dir, form, 0);
    host = await startHost(dir);
    const live = host;
    const submit = (draft: (typeof drafts)[number]) =>
      createEnrollmentClient({ url: live.url, token: draft.token }).applications.submit.mutate({
        applicationId: draft.applicationId,
        version: draft.version,
      });
    const settle = async (from: Probe) => {
      let last = from;
      const by = performance.now() + 180_000;
      while ((last.unsent > 0 || last.queuedChecks > 0) && performance.now() < by) {
        await sleep(20);
        const p = await live.probe();
        last = { ...p, counts: add(last.counts, p.counts) };
      }
      return last;
    };
    const errors: string[] = [];

    // One at a time, each left to finish its after-response work: what one submission asks of the database.
    await live.probe();
    const oneByOne: TripCounts[] = [];
    for (const draft of alone) {
      await submit(draft);
      const done = await settle(await live.probe());
      oneByOne.push(done.counts);
    }

    const p0 = await live.probe();
    const latencies: number[] = [];
    const started = performance.now();
    await pool(drafts, concurrency, async (draft) => {
      const t0 = performance.now();
      try {
        await submit(draft);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors.push(describeError(error));
      }
    });
    const answeredMs = performance.now() - started;
    const p1 = await live.probe();
    const last = await settle(p1);
    const completeMs = performance.now() - started;
    if (last.unsent > 0 || last.queuedChecks > 0)
      errors.push(`not complete after 3 min: ${last.unsent} SMS unsent, ${last.queuedChecks} checks queued`);
    const after = await baseline(dir, form, 1);
    host.child.send('stop');
    await new Promise((done) => host!.child.once('exit', done));
    const profileDir = join(dir, 'profile');
    const profile = values.profile ? readdirSync(profileDir).map((f) => join(profileDir, f))[0] : undefined;
    return {
      answeredMs,
      completeMs,
      latencies,
      errors,
      answerCpuMs: cpuMs(p0.cpu, p1.cpu),
      completeCpuMs: cpuMs(p0.cpu, last.cpu),
      oneByOne,
      burst: last.counts,
      raw: [before.rate, after.rate],
      rawCpuMsEach: [before.cpuMsEach, after.cpuMsEach],
      others,
      profile,
    };
  } finally {
    if (host && host.child.exitCode === null) host.child.kill('SIGKILL');
    if (!values.profile) rmSync(dir, { recursive: true, force: true });
  }
}

const add = (a: TripCounts, b: TripCounts): TripCounts => ({
  roundTrips: a.roundTrips + b.roundTrips,
  statements: a.statements + b.statements,
  commits: a.commits + b.commits,
  trace: [...a.trace, ...b.trace],
  ms: Object.fromEntries(
    [...new Set([...Object.keys(a.ms), ...Object.keys(b.ms)])].map((k) => [
      k,
      { calls: (a.ms[k]?.calls ?? 0) + (b.ms[k]?.calls ?? 0), ms: (a.ms[k]?.ms ?? 0) + (b.ms[k]?.ms ?? 0) },
    ]),
  ),
});

const none: TripCounts = { roundTrips: 0, statements: 0, commits: 0, trace: [], ms: {} };
const runs: Run[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const r = await run();
  runs.push(r);
  console.log(`run ${i + 1}: ${r.latencies.length} answered, ${r.errors.length} errors${r.profile ? `; profile ${r.profile}` : ''}`);
  if (r.errors.length) console.error(r.errors.slice(0, 5).join('\n'));
}

const per = (c: TripCounts, n: number) => `${fixed(c.roundTrips / n, 1)} / ${fixed(c.commits / n, 1)} / ${fixed(c.statements / n, 1)}`;
const alone = (r: Run) => r.oneByOne.reduce(add);
console.log(`\n${submissions} submissions, ${concurrency} in flight, Node host in its own process (${new Date().toISOString()})\n`);
console.log(
  table([
    [
      'run',
      'others',
      'answered/s',
      'complete/s',
      'raw FULL/s (before, after)',
      'answered ÷ raw',
      'complete ÷ raw',
      'p50 / p99 ms',
      'host CPU ms/submit (answer, complete)',
      'raw CPU ms/submit',
      'one at a time: round trips / commits / statements',
      'burst: round trips / commits / statements',
    ],
    ...runs.map((r, i) => {
      const raw = (r.raw[0]! + r.raw[1]!) / 2;
      const answered = r.latencies.length / (r.answeredMs / 1000);
      const complete = r.latencies.length / (r.completeMs / 1000);
      return [
        String(i + 1),
        `${fixed(r.others * 100, 0)}%`,
        fixed(answered, 1),
        fixed(complete, 1),
        r.raw.map((x) => fixed(x, 0)).join(', '),
        fixed(answered / raw, 3),
        fixed(complete / raw, 3),
        `${fixed(percentile(r.latencies, 50), 0)} / ${fixed(percentile(r.latencies, 99), 0)}`,
        `${fixed(r.answerCpuMs / submissions, 2)}, ${fixed(r.completeCpuMs / submissions, 2)}`,
        fixed((r.rawCpuMsEach[0]! + r.rawCpuMsEach[1]!) / 2, 2),
        per(alone(r), r.oneByOne.length),
        per(r.burst, submissions),
      ];
    }),
  ]),
);
const burstMs = runs.map((r) => r.burst.ms).reduce((a, b) => add({ ...none, ms: a }, { ...none, ms: b }).ms);
console.log(
  `\nthe host's database calls in the bursts (all runs), by first statement: wall ms from call to answer per submission\n${table([
    ['call', 'calls/submit', 'ms/submit'],
    ...Object.entries(burstMs)
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 15)
      .map(([k, v]) => [k, fixed(v.calls / submissions / runs.length, 2), fixed(v.ms / submissions / runs.length, 2)]),
  ])}`,
);
console.log(
  `\nwhat one submission asked of the database, call by call (run 1, the first submission made alone):\n${runs[0]?.oneByOne[0]?.trace.map((t, i) => `${String(i + 1).padStart(3)}. ${t}`).join('\n')}`,
);
process.exit(runs.some((r) => r.errors.length > 0) ? 1 : 0);

/**
 * The Worker under a burst: `concurrency` requests of each kind at once (catalog.region, auth.signIn with seeded
 * codes, applications.submit of prepared drafts) through `wrangler dev` + sqld, then sequential requests, and the end
 * state in the database. Part of `npm run bench` (`--worker N`, 0 skips); alone: `npx tsx test/bench/worker-load.ts 1000`.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createWebDb } from '../../db/client-web';
import { applicationHistory, applications } from '../../db/schema';
import { createEnrollmentClient } from '../../src/client';
import { prepareDrafts, seedSignInCodes } from '../helpers/worker-drafts';
import { startWorkerStack, workerDataKey } from '../helpers/worker-stack';
import { describeError, fixed, percentile, table } from './measure';
import { privacyNotice } from '../../src/domain/privacy-notice';

const now = '2024-07-20T10:00:00+08:00';

interface Burst {
  name: string;
  wallMs: number;
  latencies: number[];
  errors: string[];
}

async function burst(name: string, count: number, call: (i: number) => Promise<unknown>): Promise<Burst> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const started = performance.now();
  process.stdout.write(`${name} ×${count}: `);
  // Where a burst stalls shows only while it runs: answered and failed so far, every 10 s.
  const ticker = setInterval(
    () => process.stdout.write(`[${fixed((performance.now() - started) / 1000, 0)} s: ${latencies.length} ok, ${errors.length} errors] `),
    10_000,
  );
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t0 = performance.now();
      try {
        await call(i);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors.push(describeError(error));
      }
    }),
  );
  clearInterval(ticker);
  const wallMs = performance.now() - started;
  const kinds = new Map<string, number>();
  for (const e of errors) kinds.set(e.slice(0, 140), (kinds.get(e.slice(0, 140)) ?? 0) + 1);
  console.log(
    `${latencies.length} ok, ${errors.length} errors in ${fixed(wallMs / 1000, 2)} s${[...kinds].map(([e, n]) => `\n  ${n}× ${e}`).join('')}`,
  );
  return { name, wallMs, latencies, errors };
}

/** Extra sqld flags for an experiment, e.g. `WORKER_BENCH_SQLD_ARGS='--max-log-size 2000'`. */
function sqldArgs(): string[] {
  return (process.env.WORKER_BENCH_SQLD_ARGS ?? '').split(' ').filter(Boolean);
}

export async function runWorkerBench(concurrency: number) {
  const phones = Array.from({ length: concurrency }, (_, i) => `136${String(20_000_000 + i).slice(-8)}`);
  const prepareStarted = performance.now();
  const stack = await startWorkerStack({
    now,
    sqldArgs: sqldArgs(),
    // wrangler 4.86 turns its DevTools relay off when it believes it runs under VS Code's debugger: that relay posts
    // every DevTools event of the Worker (4 per database request) to wrangler's Node process, one connection each.
    prepare: async (db) => ({
      codes: await seedSignInCodes(db, workerDataKey, phones, new Date(now)),
      drafts: await prepareDrafts(db, workerDataKey, new Date(now), concurrency),
    }),
  });
  const prepareMs = performance.now() - prepareStarted;
  try {
    const client = (token?: string) => createEnrollmentClient({ url: stack.url, token });
    const regionId = (await client().catalog.regions.query())[0]!.id;
    const { codes, drafts } = stack.prepared;
    const bursts = [
      await burst('applications.submit', concurrency, (i) =>
        client(drafts[i]!.token).applications.submit.mutate({ applicationId: drafts[i]!.applicationId, version: drafts[i]!.version }),
      ),
      await burst('catalog.region', concurrency, () => client().catalog.region.query({ regionId })),
      await burst('auth.signIn', concurrency, (i) =>
        client().auth.signIn.mutate({
          phone: phones[i]!,
          code: codes.get(phones[i]!)!,
          session: 'token',
          acceptedNotice: privacyNotice.version,
        }),
      ),
    ];
    const sequential = await burst('catalog.region, one at a time ×20', 1, async () => {
      for (let i = 0; i < 20; i++) await client().catalog.region.query({ regionId });
    });

    // The Worker's kind of client: sqld may still be busy with the submissions' after-response work.
    const db = createWebDb(stack.sqldUrl);
    const ids = drafts.map((d) => d.applicationId);
    // The submissions' after-response work may still load sqld: wait until it answers.
    const settled = async <T>(read: () => Promise<T>): Promise<T> => {
      for (;;) {
        try {
          return await read();
        } catch {
          await new Promise((r) => setTimeout(r, 2_000));
        }
      }
    };
    const submitted = (
      await settled(() =>
        db
          .select({ id: applications.id })
          .from(applications)
          .where(and(inArray(applications.id, ids), eq(applications.status, 'submitted'))),
      )
    ).length;
    const history = (
      await settled(() =>
        db
          .select({ id: applicationHistory.id })
          .from(applicationHistory)
          .where(and(inArray(applicationHistory.applicationId, ids), eq(applicationHistory.toStatus, 'submitted'))),
      )
    ).length;
    const workerLog = stack.worker.output();
    return { concurrency, prepareMs, bursts, sequential, submitted, history, hung: (workerLog.match(/hung/g) ?? []).length };
  } finally {
    await stack.stop();
  }
}

export function printWorkerBench(report: Awaited<ReturnType<typeof runWorkerBench>>) {
  console.log(
    `\nWorker under load (wrangler dev + sqld): ${report.concurrency} concurrent requests of each kind, each over its own HTTP request`,
  );
  console.log(
    `preparation (sqld, migrations, seed, ${report.concurrency} codes and complete drafts through the services, wrangler dev): ${fixed(report.prepareMs / 1000, 1)} s, not timed below`,
  );
  const ms = (v: number) => fixed(v, 0);
  console.log(
    table([
      ['burst', 'ok', 'errors', 'wall s', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      ...[...report.bursts, report.sequential].map((b) => [
        b.name,
        String(b.latencies.length),
        String(b.errors.length),
        fixed(b.wallMs / 1000, 2),
        fixed(b.latencies.length / (b.wallMs / 1000), 1),
        ms(percentile(b.latencies, 50)),
        ms(percentile(b.latencies, 95)),
        ms(percentile(b.latencies, 99)),
        ms(Math.max(...b.latencies)),
      ]),
    ]),
  );
  const acknowledged = report.bursts[0]!.latencies.length;
  console.log(
    `end state: ${report.submitted} applications submitted (acknowledged ${acknowledged}), ${report.history} history rows → submitted (expected ${report.submitted}); "hung" in the Worker log: ${report.hung}`,
  );
  const errors = [...report.bursts, report.sequential].flatMap((b) => b.errors.map((e) => `${b.name}: ${e}`));
  const tally = new Map<string, number>();
  for (const e of errors) tally.set(e.slice(0, 160), (tally.get(e.slice(0, 160)) ?? 0) + 1);
  for (const [e, n] of tally) console.log(`  ${n}× ${e}`);
  return errors.length === 0 && report.submitted >= acknowledged && report.history === report.submitted;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ok = printWorkerBench(await runWorkerBench(Number(process.argv[2] ?? 1000)));
  if (!ok) process.exitCode = 1;
}

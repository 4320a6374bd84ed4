/**
 * The host of the submit-path bench (`submit-path.ts`), in a process of its own: the real Node host on the libSQL file
 * given, its clock standing at `ENROLL_NOW`, its client's calls counted. Over IPC it answers
 * `ready` with its URL, and to `probe` its own CPU, the statements since the last probe, and what after-response
 * work is still outstanding (outbox rows not yet sent, system checks still queued).
 */
import { sql } from 'drizzle-orm';
import { takeGroupedCommits } from '../../db/group-commit';
import { manualClock } from '../../src/adapters/clock';
import { parseConfig } from '../../worker/config';
import { startNodeHost } from '../../worker/node-host';
import type { Client, InStatement } from '@libsql/client';

/** Calls to the database (each one round trip), the statements in them, and the commits of the calls that wrote. */
export interface TripCounts {
  roundTrips: number;
  statements: number;
  commits: number;
  /** Each call's statements, their first words: what a submission asked of the database, in order. */
  trace: string[];
  /** Wall ms from each call to its answer, by its first statement's first words (the file driver works on this thread). */
  ms: Record<string, { calls: number; ms: number }>;
}

export type HostMessage = { ready: string } | { cpu: NodeJS.CpuUsage; counts: TripCounts; unsent: number; queuedChecks: number };

const sqlOf = (stmt: InStatement) => (typeof stmt === 'string' ? stmt : stmt.sql);
const head = (stmt: InStatement) => sqlOf(stmt).replace(/\s+/g, ' ').slice(0, 60);
const isWrite = (stmt: InStatement) => /^\s*(insert|update|delete|replace)\b/i.test(sqlOf(stmt));

/** Counts what passes through the host's libSQL client, wrapped in place (the calls themselves are unchanged). */
function countTrips(client: Client) {
  const empty = (): TripCounts => ({ roundTrips: 0, statements: 0, commits: 0, trace: [], ms: {} });
  let counts = empty();
  const note = <T>(stmts: readonly InStatement[], call: () => Promise<T>): Promise<T> => {
    counts.roundTrips++;
    counts.statements += stmts.length;
    if (stmts.some(isWrite)) counts.commits++;
    if (counts.trace.length < 200) counts.trace.push(stmts.map(head).join(' ‖ '));
    const into = counts.ms;
    const key = `${stmts.length > 1 ? `batch of ${stmts.length}: ` : ''}${head(stmts[0]!).slice(0, 45)}`;
    const started = performance.now();
    return call().finally(() => {
      const entry = into[key] ?? { calls: 0, ms: 0 };
      into[key] = entry;
      entry.calls++;
      entry.ms += performance.now() - started;
    });
  };
  const execute = client.execute.bind(client) as (...args: unknown[]) => ReturnType<Client['execute']>;
  const batch = client.batch.bind(client);
  (client as { execute: unknown }).execute = (stmt: InStatement, args?: unknown) => note([stmt], () => execute(stmt, args));
  (client as { batch: unknown }).batch = (stmts: InStatement[], mode?: Parameters<Client['batch']>[1]) =>
    note(stmts, () => batch(stmts, mode));
  return {
    take(): TripCounts {
      const taken = counts;
      // batches that shared one commit with others (decision 036) count once
      const grouped = takeGroupedCommits();
      taken.commits -= grouped.batches - grouped.commits;
      counts = empty();
      return taken;
    },
  };
}

const [dir] = process.argv.slice(2);
if (!process.send || !dir) {
  console.error('usage (from submit-path.ts, with IPC): submit-path-host.ts <dir>');
  process.exit(2);
}
const config = parseConfig({
  ...process.env,
  PORT: '0',
  DATABASE_URL: `file:${dir}/submit.db`,
  FILES_DIR: `${dir}/files`,
  ENROLL_DEV: '1',
});
const quiet = { info: () => {}, warn: console.warn, error: console.error };
const sweepEveryMs = process.env.SWEEP_EVERY_MS ? Number(process.env.SWEEP_EVERY_MS) : undefined;
const host = await startNodeHost(config, {
  clock: manualClock(process.env.ENROLL_NOW ?? '2024-07-20T10:00:00+08:00'),
  log: quiet,
  sweepEveryMs,
});
const counter = countTrips(host.deps.db.$client);

const outstanding = async () => {
  const counted = counter.take();
  const [row] = await host.deps.db.all<{ unsent: number; queued: number }>(
    sql`SELECT (SELECT count(*) FROM outbox WHERE status <> 'sent') AS unsent, (SELECT count(*) FROM verification_jobs) AS queued`,
  );
  counter.take();
  return { counts: counted, unsent: Number(row?.unsent ?? 0), queuedChecks: Number(row?.queued ?? 0) };
};

process.on('message', async (message) => {
  if (message === 'probe') process.send?.({ cpu: process.cpuUsage(), ...(await outstanding()) } satisfies HostMessage);
  if (message === 'stop') {
    await host.close();
    process.exit(0);
  }
});
process.send({ ready: host.url } satisfies HostMessage);

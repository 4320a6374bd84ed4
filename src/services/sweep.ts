import { sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { pruneLimits } from './limits';
import { sweepUploads } from './documents';
import { type OutboxReport, sweepOutbox } from './outbox';
import { type PurgeReport, purgeDueSeason } from './retention-purge';
import { sweepVerification } from './verification';

export interface SweepReport {
  at: string;
  outbox: OutboxReport;
  verification: { done: number; pending: number; skipped: number };
  /** Abuse-limit counters of old windows deleted. */
  limitsPruned: number;
  /** Bytes stored without a document row, deleted after their grace period. */
  uploads: { removed: number };
  /** One step of the retention purge of a season past its retention date. */
  retention: PurgeReport;
}

type SweepDeps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'sms' | 'log' | 'vault' | 'records' | 'recordsSource' | 'files'>;

/**
 * The periodic work of the platform, run by the Worker's Cron Trigger (every minute) and by a timer under Node:
 * SMS notices due for a (re)try, system checks waiting for the records service, old abuse-limit counters, and uploaded
 * bytes that no document row claims, and the retention purge of seasons past their date. It fails loudly when the database is unreachable.
 */
export async function sweep(deps: SweepDeps): Promise<SweepReport> {
  await deps.db.run(sql`select 1`);
  return {
    at: deps.clock.now().toISOString(),
    outbox: await sweepOutbox(deps),
    verification: await sweepVerification(deps),
    uploads: await sweepUploads(deps),
    limitsPruned: await pruneLimits(deps),
    retention: await purgeDueSeason(deps),
  };
}

/**
 * The part of the sweep a rush leaves behind (decision 029): SMS notices due now and queued system checks, each
 * claimed and recorded in groups. The Node host runs it soon after a rush deferred work; the Worker's cron runs the
 * whole `sweep` every minute.
 */
export async function sweepDeferred(deps: SweepDeps): Promise<Pick<SweepReport, 'outbox' | 'verification'>> {
  return { outbox: await sweepOutbox(deps), verification: await sweepVerification(deps) };
}

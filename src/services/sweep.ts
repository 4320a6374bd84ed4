import { sql } from 'drizzle-orm';
import type { AppDeps } from '../api/context';

export interface SweepReport {
  at: string;
  database: 'ok';
  /** What each periodic job did; jobs join this list as they arrive (the outbox sweeper first). */
  jobs: Record<string, unknown>;
}

/**
 * The periodic work of the platform, run by the Worker's Cron Trigger (every minute) and by a timer under Node.
 * It fails loudly when the database is unreachable, so the host's logs show a broken schedule.
 */
export async function sweep(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<SweepReport> {
  await deps.db.run(sql`select 1`);
  return { at: deps.clock.now().toISOString(), database: 'ok', jobs: {} };
}

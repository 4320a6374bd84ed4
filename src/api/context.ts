import type { Db } from '../../db/client';
import type { Clock } from '../adapters/clock';

/** Everything the app needs from its host. Each host builds it once; tests build it with a temp database. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  secrets: { dataKey: string };
  /** Demo mode (`ENROLL_DEV=1`): dev inbox visible, demo accounts seeded. */
  dev: boolean;
  log: Pick<Console, 'info' | 'warn' | 'error'>;
}

export type Context = {
  deps: AppDeps;
  requestId: string;
  /** The caller's address as the host reports it; null when unknown. */
  ip: string | null;
};

/** Pure: tests call procedures with a context made here, without HTTP. */
export function createContextInner(input: Context): Context {
  return input;
}

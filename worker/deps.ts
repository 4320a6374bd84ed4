import type { Db } from '../db/client';
import type { Clock } from '../src/adapters/clock';
import { smsFromConfig } from '../src/adapters/sms-from-config';
import { createVault } from '../src/adapters/vault';
import type { AppDeps } from '../src/api/context';
import { clockFor, type HostConfig } from './config';

/** The app's dependencies from a host's configuration and database: the same on both hosts. */
export async function buildDeps(
  config: HostConfig,
  db: Db,
  overrides: { clock?: Clock; log?: AppDeps['log'] } = {},
): Promise<AppDeps> {
  const log = overrides.log ?? console;
  const clock = overrides.clock ?? clockFor(config);
  return {
    db,
    clock,
    vault: await createVault(config.dataKey),
    sms: smsFromConfig(config.sms, db, log, clock),
    dev: config.dev,
    log,
  };
}

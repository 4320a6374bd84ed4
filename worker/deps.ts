import type { Db } from '../db/client';
import type { Clock } from '../src/adapters/clock';
import type { FileStore } from '../src/adapters/files';
import { sealedFiles } from '../src/adapters/files-sealed';
import { recordsFromConfig } from '../src/adapters/records-from-config';
import { smsFromConfig } from '../src/adapters/sms-from-config';
import { createVault } from '../src/adapters/vault';
import type { AppDeps } from '../src/api/context';
import { clockFor, type HostConfig } from './config';

/**
 * The app's dependencies from a host's configuration, database and file store: the same on both hosts. The host
 * builds the file store (a local folder under Node, the R2 binding in the Worker) so that neither's code reaches
 * the other's bundle; documents are encrypted here, above either store.
 */
export async function buildDeps(
  config: HostConfig,
  db: Db,
  files: FileStore,
  overrides: { clock?: Clock; log?: AppDeps['log'] } = {},
): Promise<AppDeps> {
  const log = overrides.log ?? console;
  const clock = overrides.clock ?? clockFor(config);
  const vault = await createVault(config.dataKey);
  return {
    db,
    clock,
    vault,
    sms: smsFromConfig(config.sms, db, log, clock),
    files: sealedFiles(files, vault),
    records: recordsFromConfig(config.records),
    recordsSource: config.records.provider,
    dev: config.dev,
    log,
    smsHourlyBudget: config.smsHourlyBudget,
  };
}

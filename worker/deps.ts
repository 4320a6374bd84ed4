import type { Db } from '../db/client';
import { type Clock, shiftedClock, systemClock } from '../src/adapters/clock';
import type { FileStore } from '../src/adapters/files';
import { sealedFiles } from '../src/adapters/files-sealed';
import { type RandomSource, webCryptoRandom } from '../src/adapters/random';
import { recordsFromConfig } from '../src/adapters/records-from-config';
import { smsFromConfig } from '../src/adapters/sms-from-config';
import { createVault, type Vault } from '../src/adapters/vault';
import type { AppDeps } from '../src/deps';
import { catalogCache } from '../src/services/catalog-cache';
import { latestKeptInstant } from '../src/services/kept-time';
import { rushGauge } from '../src/services/rush';
import type { HostConfig } from './config';

/**
 * What may outlive a request: plain values and objects that hold no I/O (keys, the records adapter, the clock).
 * The Worker keeps these per isolate; everything bound to a connection is built per request by `withDatabase`.
 */
export type SharedDeps = Omit<AppDeps, 'db' | 'sms' | 'files' | 'renderMarkdown'>;

export async function sharedDeps(
  config: HostConfig,
  clock: Clock,
  log: AppDeps['log'] = console,
  random: RandomSource = webCryptoRandom,
  vault?: Vault,
): Promise<SharedDeps> {
  return {
    clock,
    random,
    vault: vault ?? (await createVault(config.dataKey)),
    records: recordsFromConfig(config.records),
    recordsSource: config.records.provider,
    dev: config.dev,
    log,
    catalog: catalogCache(),
    rush: rushGauge(),
    smsHourlyBudget: config.smsHourlyBudget,
    publicUrl: config.publicUrl,
  };
}

/** The app's dependencies around one database client (the SMS sender writes the dev inbox through it); documents are
 * encrypted here, above either file store. The host brings the Markdown renderer (its own import under Node, the
 * render Worker's binding in the Worker). */
export function withDatabase(
  shared: SharedDeps,
  config: HostConfig,
  db: Db,
  files: FileStore,
  renderMarkdown: AppDeps['renderMarkdown'],
): AppDeps {
  return {
    ...shared,
    db,
    files: sealedFiles(files, shared.vault),
    sms: smsFromConfig(config.sms, db, shared.log, shared.clock),
    renderMarkdown,
  };
}

/**
 * The clock a host runs with: the system clock, or (demo mode, `ENROLL_NOW`) a shifted clock that starts at the
 * configured instant or at the latest instant of the kept data, whichever is later, so that demo time never goes
 * back over what earlier runs wrote (decision 004).
 */
export async function startClock(config: Pick<HostConfig, 'startAt'>, db: Db): Promise<Clock> {
  if (!config.startAt) return systemClock;
  const clock = shiftedClock(config.startAt);
  clock.catchUp(await latestKeptInstant(db));
  return clock;
}

/**
 * The app's dependencies from a host's configuration, database and file store, built once: the Node host's way
 * (one embedded client serves every request). The host builds the file store (a local folder under Node, the R2
 * binding in the Worker) so that neither's code reaches the other's bundle.
 */
export async function buildDeps(
  config: HostConfig,
  db: Db,
  files: FileStore,
  renderMarkdown: AppDeps['renderMarkdown'],
  overrides: { clock?: Clock; log?: AppDeps['log']; random?: RandomSource; vault?: Vault } = {},
): Promise<AppDeps> {
  const clock = overrides.clock ?? (await startClock(config, db));
  return withDatabase(await sharedDeps(config, clock, overrides.log, overrides.random, overrides.vault), config, db, files, renderMarkdown);
}

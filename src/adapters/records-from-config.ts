import type { AuthorityRecords } from './records';
import { httpRecords } from './records-http';

/** The records settings, already validated by the host's `parseConfig` (worker/config.ts): `RECORDS_PROVIDER` and its settings. */
export type RecordsConfig =
  /** `local` answers from the synthetic dataset (demo, tests). */
  | { provider: 'local' }
  /** `http` asks the records service at the base URL `RECORDS_HTTP_URL` with the secret `RECORDS_HTTP_KEY`; per-attempt timeout default 3000 ms. */
  | { provider: 'http'; httpUrl: string; httpKey: string; httpTimeoutMs?: number | undefined };

/**
 * The dataset's module, or null in a build without it. The deployed Worker has none: wrangler.toml's `[define]` sets
 * `DEMO_RECORDS` to false, the bundler folds this condition and drops the import with its branch. `wrangler dev` for
 * tests and demos passes `--define DEMO_RECORDS:true`; Node and vitest do not bundle, leave it undefined and have it.
 */
declare const DEMO_RECORDS: boolean | undefined;
const importLocalRecords = typeof DEMO_RECORDS === 'boolean' && !DEMO_RECORDS ? null : () => import('./records-local');

/**
 * The authority records a host runs with. `local` loads its dataset module on first use, not here: hosts that ask the
 * records service never load the demo data. A build without the dataset refuses `local` when the host starts.
 */
export function recordsFromConfig(config: RecordsConfig): AuthorityRecords {
  if (config.provider === 'local') {
    if (!importLocalRecords) {
      throw new Error(
        'RECORDS_PROVIDER=local needs the demo records, which this Worker build leaves out: use RECORDS_PROVIDER=http, ' +
          'or build with --define DEMO_RECORDS:true (as wrangler dev does for tests and demos)',
      );
    }
    return lazyLocalRecords(importLocalRecords);
  }
  return httpRecords({ url: config.httpUrl, key: config.httpKey, timeoutMs: config.httpTimeoutMs });
}

/** `localRecords()` behind a dynamic import: the synthetic dataset (`records-dataset.ts`) loads on the first question. */
function lazyLocalRecords(load: NonNullable<typeof importLocalRecords>): AuthorityRecords {
  let loaded: Promise<AuthorityRecords> | undefined;
  const local = () => (loaded ??= load().then((m) => m.localRecords()));
  return {
    identity: async (query) => (await local()).identity(query),
    hukou: async (idNumber) => (await local()).hukou(idNumber),
    properties: async (owners) => (await local()).properties(owners),
    pension: async (idNumber) => (await local()).pension(idNumber),
    businessLicences: async (holder) => (await local()).businessLicences(holder),
    publicServant: async (idNumber) => (await local()).publicServant(idNumber),
  };
}

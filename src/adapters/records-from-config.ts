import type { AuthorityRecords } from './records';
import { httpRecords } from './records-http';

/** The records settings, already validated by the host's `parseConfig` (worker/config.ts): `RECORDS_PROVIDER` and its settings. */
export type RecordsConfig =
  /** `local` answers from the synthetic dataset (demo, tests). */
  | { provider: 'local' }
  /** `http` asks the records service at the base URL `RECORDS_HTTP_URL` with the secret `RECORDS_HTTP_KEY`; per-attempt timeout default 3000 ms. */
  | { provider: 'http'; httpUrl: string; httpKey: string; httpTimeoutMs?: number | undefined };

/**
 * The authority records a host runs with. `local` loads its dataset module on first use, not here: hosts that ask the
 * records service never load the demo data.
 */
export function recordsFromConfig(config: RecordsConfig): AuthorityRecords {
  if (config.provider === 'local') return lazyLocalRecords();
  return httpRecords({ url: config.httpUrl, key: config.httpKey, timeoutMs: config.httpTimeoutMs });
}

/** `localRecords()` behind a dynamic import: the synthetic dataset (`records-dataset.ts`) loads on the first question. */
function lazyLocalRecords(): AuthorityRecords {
  let loaded: Promise<AuthorityRecords> | undefined;
  const local = () => (loaded ??= import('./records-local').then((m) => m.localRecords()));
  return {
    identity: async (query) => (await local()).identity(query),
    hukou: async (idNumber) => (await local()).hukou(idNumber),
    properties: async (owners) => (await local()).properties(owners),
    pension: async (idNumber) => (await local()).pension(idNumber),
    businessLicences: async (holder) => (await local()).businessLicences(holder),
    publicServant: async (idNumber) => (await local()).publicServant(idNumber),
  };
}

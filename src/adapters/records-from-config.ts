import type { AuthorityRecords } from './records';
import { httpRecords } from './records-http';

export interface RecordsConfig {
  /** `RECORDS_PROVIDER`: `local` answers from the synthetic dataset (demo, tests); `http` asks the records service. */
  provider: 'local' | 'http';
  /** `RECORDS_HTTP_URL`, the service's base URL; required for `http`. */
  httpUrl?: string | undefined;
  /** `RECORDS_HTTP_KEY` (a secret), required for `http`. */
  httpKey?: string | undefined;
  /** Per-attempt timeout of the `http` provider; default 3000 ms. */
  httpTimeoutMs?: number | undefined;
}

/** The records settings are unusable; the message names the setting to fix. */
export class RecordsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordsConfigError';
  }
}

/**
 * The authority records a host runs with. Throws `RecordsConfigError` for an unknown provider or missing/invalid
 * http settings, so a misconfigured host fails at start rather than at a parent's first check. `local` loads its
 * dataset module on first use, not here: hosts that ask the records service never load the demo data.
 *
 * @example const records = recordsFromConfig({ provider: env.RECORDS_PROVIDER ?? 'local', httpUrl: env.RECORDS_HTTP_URL, httpKey: env.RECORDS_HTTP_KEY });
 */
export function recordsFromConfig(config: RecordsConfig): AuthorityRecords {
  const provider = config.provider as string;
  if (provider === 'local') return lazyLocalRecords();
  if (provider !== 'http') {
    throw new RecordsConfigError(`RECORDS_PROVIDER must be "local" or "http", not ${JSON.stringify(config.provider)}`);
  }
  const url = config.httpUrl?.trim();
  const key = config.httpKey?.trim();
  if (!url) throw new RecordsConfigError('RECORDS_HTTP_URL is required when RECORDS_PROVIDER=http');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RecordsConfigError(`RECORDS_HTTP_URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RecordsConfigError(`RECORDS_HTTP_URL must be an http(s) URL, not ${parsed.protocol}`);
  }
  if (parsed.username || parsed.password) {
    throw new RecordsConfigError('RECORDS_HTTP_URL must not hold credentials: put the key in RECORDS_HTTP_KEY');
  }
  if (parsed.search || parsed.hash) {
    throw new RecordsConfigError('RECORDS_HTTP_URL must be a base URL without query or fragment (operations are appended as /<operation>)');
  }
  if (!key) throw new RecordsConfigError('RECORDS_HTTP_KEY is required when RECORDS_PROVIDER=http (set it as a secret)');
  const timeoutMs = config.httpTimeoutMs;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new RecordsConfigError(`the records timeout must be a positive number of milliseconds, not ${timeoutMs}`);
  }
  return httpRecords({ url, key, timeoutMs });
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

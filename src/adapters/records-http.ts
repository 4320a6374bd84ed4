import * as z from 'zod';
import { type AuthorityRecords, RecordsError, type RecordsOperation, RecordsUnavailableError } from './records';
import { isRetryableStatus } from './sms';

export interface HttpRecordsOptions {
  /** The service's base URL (`RECORDS_HTTP_URL`); each operation is `POST <url>/<operation>`. */
  url: string;
  /** The API key (`RECORDS_HTTP_KEY`), sent as `Authorization: Bearer <key>`. */
  key: string;
  /** Give up on one attempt after this long (the answer's body included). Default 3000 ms. */
  timeoutMs?: number;
  /** Further attempts after a timeout, network error, 5xx or 429. Default 2 (three attempts in all). */
  retries?: number;
  /** Wait before the first retry; doubled before each further one. Default 250 ms. */
  retryDelayMs?: number;
  /** Injected fetch (tests); default the platform's global `fetch` (Workers and Node alike). */
  fetch?: typeof fetch;
}

const defaults = { timeoutMs: 3000, retries: 2, retryDelayMs: 250 };

/** The longest a call can take before it rejects: every attempt timing out, plus the back-off between them. */
export function httpRecordsWorstCaseMs(options: Pick<HttpRecordsOptions, 'timeoutMs' | 'retries' | 'retryDelayMs'> = {}): number {
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  const retries = options.retries ?? defaults.retries;
  const retryDelayMs = options.retryDelayMs ?? defaults.retryDelayMs;
  let total = timeoutMs * (retries + 1);
  for (let n = 1; n <= retries; n++) total += retryDelayMs * 2 ** (n - 1);
  return total;
}

// ---------------------------------------------------------------------------
// The wire format: request bodies and the answers' shapes (unknown fields are dropped)
// ---------------------------------------------------------------------------

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const idNumber = z.string().min(1).max(40);
const text = z.string().max(500);

const hukouRecord = z.object({
  idNumber,
  name: text,
  address: text,
  community: text,
  registeredOn: date,
  householdId: z.string().min(1).max(64),
  relations: z.array(z.object({ idNumber, name: text, relation: z.enum(['head', 'spouse', 'child', 'parent', 'other']) })).max(100),
});
const propertyRecord = z.object({ ownerIdNumber: idNumber, certificateNumber: text, address: text, community: text, registeredOn: date });
const pensionRecord = z.object({
  idNumber,
  employer: text,
  firstPaidOn: date,
  months: z.number().int().min(0).max(1200),
  active: z.boolean(),
});
const licenceRecord = z.object({
  holderIdNumber: idNumber,
  licenceNumber: text,
  name: text,
  issuedOn: date,
  address: text,
  community: text,
});
const publicServantRecord = z.object({ idNumber, employer: text, since: date });

/** What each operation answers with status 200. */
export const recordsResponseSchemas = {
  identity: z.object({ result: z.enum(['match', 'name_mismatch', 'not_found']) }),
  hukou: z.object({ record: hukouRecord.nullable() }),
  properties: z.object({ records: z.array(propertyRecord).max(1000) }),
  pension: z.object({ record: pensionRecord.nullable() }),
  businessLicences: z.object({ records: z.array(licenceRecord).max(1000) }),
  publicServant: z.object({ record: publicServantRecord.nullable() }),
} satisfies Record<RecordsOperation, z.ZodType>;

// ---------------------------------------------------------------------------

/**
 * The authority records over HTTP: `POST <url>/<operation>` with a JSON body and `Authorization: Bearer <key>`:
 *
 * | operation          | body                           | answer (200)                                   |
 * |--------------------|--------------------------------|------------------------------------------------|
 * | `identity`         | `{ name, idNumber }`           | `{ result: 'match' | 'name_mismatch' | 'not_found' }` |
 * | `hukou`            | `{ idNumber }`                 | `{ record: HukouRecord | null }`               |
 * | `properties`       | `{ ownerIdNumbers: string[] }` | `{ records: PropertyRecord[] }`                |
 * | `pension`          | `{ idNumber }`                 | `{ record: PensionRecord | null }`             |
 * | `businessLicences` | `{ holderIdNumber }`           | `{ records: BusinessLicenceRecord[] }`         |
 * | `publicServant`    | `{ idNumber }`                 | `{ record: PublicServantRecord | null }`       |
 *
 * Each attempt is bounded by `timeoutMs` (the body included). Timeouts, network errors, 5xx and 408/409/425/429 are
 * retried `retries` times with doubling back-off, then rejected with `RecordsUnavailableError`. Other answers
 * (400, 401, 403, 404, 3xx) reject at once with `RecordsError`, as does a 200 whose body is not JSON, not the
 * operation's shape, or about someone else than the person asked about. Never logs; error messages name the
 * operation and status, never a record value or ID number. Uses fetch and AbortSignal only (Workers and Node).
 *
 * @example const records = httpRecords({ url: env.RECORDS_HTTP_URL, key: env.RECORDS_HTTP_KEY });
 */
export function httpRecords(options: HttpRecordsOptions): AuthorityRecords {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  const retries = Math.max(0, Math.floor(options.retries ?? defaults.retries));
  const retryDelayMs = options.retryDelayMs ?? defaults.retryDelayMs;
  // Not `options.fetch ?? fetch` stored as a method: the Workers runtime refuses a detached `fetch` ("Illegal invocation").
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  /** One attempt: the parsed answer, or a `RecordsError` (retryable or not) to throw. */
  async function attempt<O extends RecordsOperation>(
    operation: O,
    body: unknown,
  ): Promise<{ ok: true; value: z.infer<(typeof recordsResponseSchemas)[O]> } | { ok: false; error: RecordsError }> {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let answer: string;
    try {
      response = await doFetch(`${base}/${operation}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${options.key}` },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal,
      });
      answer = await response.text();
    } catch (error) {
      if (signal.aborted) {
        return {
          ok: false,
          error: new RecordsUnavailableError(`records service timed out after ${timeoutMs} ms (${operation})`, { cause: error }),
        };
      }
      return {
        ok: false,
        error: new RecordsUnavailableError(`records service unreachable (${operation}): ${describeNetworkError(error)}`, { cause: error }),
      };
    }
    const status = response.status;
    if (status !== 200) {
      const message = `records service answered ${status} (${operation})${errorCode(answer)}`;
      return {
        ok: false,
        error: isRetryableStatus(status) ? new RecordsUnavailableError(message, { status }) : new RecordsError(message, { status }),
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(answer);
    } catch (error) {
      return {
        ok: false,
        error: new RecordsError(`records service answered ${status} (${operation}) with a body that is not JSON`, { status, cause: error }),
      };
    }
    const parsed = recordsResponseSchemas[operation].safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      return {
        ok: false,
        error: new RecordsError(`records service answered ${status} (${operation}) with an unexpected shape${where}`, { status }),
      };
    }
    return { ok: true, value: parsed.data as z.infer<(typeof recordsResponseSchemas)[O]> };
  }

  async function call<O extends RecordsOperation>(operation: O, body: unknown): Promise<z.infer<(typeof recordsResponseSchemas)[O]>> {
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const outcome = await attempt(operation, body);
      if (outcome.ok) return outcome.value;
      const { error } = outcome;
      if (!(error instanceof RecordsUnavailableError)) throw error;
      if (attempts > retries) {
        if (attempts > 1) error.message = `${error.message}; gave up after ${attempts} attempts`;
        throw error;
      }
      await sleep(retryDelayMs * 2 ** (attempts - 1));
    }
  }

  /** An answer about another person than the one asked about is not the contract: refuse it rather than show it. */
  const notAbout = (operation: RecordsOperation) =>
    new RecordsError(`records service answered 200 (${operation}) with a record about another person`, { status: 200 });

  return {
    async identity({ name, idNumber }) {
      return call('identity', { name, idNumber });
    },

    async hukou(idNumber) {
      const { record } = await call('hukou', { idNumber });
      if (record && (record.idNumber !== idNumber || !record.relations.some((m) => m.idNumber === idNumber))) throw notAbout('hukou');
      return record;
    },

    async properties(ownerIdNumbers) {
      if (ownerIdNumbers.length === 0) return [];
      const { records } = await call('properties', { ownerIdNumbers });
      const asked = new Set(ownerIdNumbers);
      if (records.some((r) => !asked.has(r.ownerIdNumber))) throw notAbout('properties');
      return records;
    },

    async pension(idNumber) {
      const { record } = await call('pension', { idNumber });
      if (record && record.idNumber !== idNumber) throw notAbout('pension');
      return record;
    },

    async businessLicences(holderIdNumber) {
      const { records } = await call('businessLicences', { holderIdNumber });
      if (records.some((r) => r.holderIdNumber !== holderIdNumber)) throw notAbout('businessLicences');
      return records;
    },

    async publicServant(idNumber) {
      const { record } = await call('publicServant', { idNumber });
      if (record && record.idNumber !== idNumber) throw notAbout('publicServant');
      return record;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A refusal's machine-readable code, when the answer is JSON `{ "error": "<code>" }` with a short ASCII code; any
 * other text is left out, since a service may echo what it was sent (names, ID numbers).
 */
function errorCode(answer: string): string {
  try {
    const parsed = JSON.parse(answer) as { error?: unknown; code?: unknown };
    const code = typeof parsed.code === 'string' ? parsed.code : parsed.error;
    if (typeof code === 'string' && /^[A-Za-z][A-Za-z _.-]{0,59}$/.test(code)) return `: ${code}`;
  } catch {
    // not JSON: nothing to quote
  }
  return '';
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  const cause = error.cause instanceof Error ? ` (${(error.cause as Error & { code?: string }).code ?? error.cause.message})` : '';
  return `${error.message}${cause}`;
}

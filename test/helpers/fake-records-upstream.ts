import { createServer, type ServerResponse } from 'node:http';
import type { AuthorityRecords, RecordsOperation } from '../../src/adapters/records';
import { recordsOperations } from '../../src/adapters/records';
import { localRecords } from '../../src/adapters/records-local';
import { listenOnLoopback, readBody, unitHash } from './fake-server';

/**
 * A local authority-records service over real HTTP, for tests of the `http` adapter. It serves the records contract
 * (`POST <url>/<operation>`, see src/adapters/records-http.ts) from the local adapter over the seeded dataset, so its
 * answers are the real dataset's, checks the API key, and misbehaves on purpose:
 * - `failRate` / `stallRate`: a fraction of calls answered 500, or held `stallMs` before answering (past the client's
 *   timeout). Which call is decided from (seed, operation, body, n-th identical call), so a run does not depend on timing;
 * - `script`: what the 1st, 2nd, … identical call gets (then normal answers): for exact retry sequences;
 * - `down`: every connection is dropped without an answer (a crashed service behind a proxy);
 * - `malformed`: every call answers 200 with a body that is not the contract.
 * Settings can be changed while it runs (`set`). Every call is recorded in `requests`.
 */
export type UpstreamFault = '500' | '503' | '429' | '400' | 'stall' | 'drop' | 'not-json' | 'wrong-shape' | 'other-person';
export type Malformed = 'not-json' | 'wrong-shape' | 'other-person';

export interface UpstreamBehaviour {
  /** Fraction of calls answered 500. */
  failRate: number;
  /** Fraction of calls held for `stallMs` before answering normally. */
  stallRate: number;
  stallMs: number;
  seed: number;
  /** Faults for the n-th identical call (same operation and body), from the first; later calls are answered normally. */
  script: UpstreamFault[];
  /** Drop every connection without answering. */
  down: boolean;
  /** Answer every call with this kind of broken 200. */
  malformed: Malformed | null;
}

export interface FakeRecordsUpstreamOptions extends Partial<UpstreamBehaviour> {
  /** The API key it expects as `Authorization: Bearer <key>`; anything else gets 401. */
  key: string;
  /** Where the answers come from; default `localRecords()` over the seeded dataset. */
  records?: AuthorityRecords;
}

export type UpstreamOutcome =
  | 'answered'
  | 'failed'
  | 'unavailable'
  | 'rate-limited'
  | 'refused'
  | 'stalled'
  | 'dropped'
  | 'malformed'
  | 'unauthorized'
  | 'bad-request'
  | 'not-found';

export interface UpstreamRequest {
  /** Order of arrival, from 0. */
  seq: number;
  operation: string;
  authorization: string | null;
  contentType: string | null;
  /** The parsed JSON body, or null when it was not JSON. */
  body: unknown;
  outcome: UpstreamOutcome;
  status: number;
}

export interface FakeRecordsUpstream {
  /** The base URL to give the adapter (`RECORDS_HTTP_URL`). */
  url: string;
  /** Every call, in order of arrival. */
  requests: UpstreamRequest[];
  requestsFor(operation: RecordsOperation): UpstreamRequest[];
  /** Changes how it behaves from the next call on (counts of identical calls are kept). */
  set(behaviour: Partial<UpstreamBehaviour>): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, payload: unknown, contentType = 'application/json'): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The contract's answer for one operation, or null when the body does not fit the operation. */
async function serve(records: AuthorityRecords, operation: RecordsOperation, body: Record<string, unknown>): Promise<unknown | null> {
  switch (operation) {
    case 'identity':
      if (!isString(body.name) || !isString(body.idNumber)) return null;
      return records.identity({ name: body.name, idNumber: body.idNumber });
    case 'hukou':
      return isString(body.idNumber) ? { record: await records.hukou(body.idNumber) } : null;
    case 'properties':
      return Array.isArray(body.ownerIdNumbers) && body.ownerIdNumbers.every(isString)
        ? { records: await records.properties(body.ownerIdNumbers) }
        : null;
    case 'pension':
      return isString(body.idNumber) ? { record: await records.pension(body.idNumber) } : null;
    case 'businessLicences':
      return isString(body.holderIdNumber) ? { records: await records.businessLicences(body.holderIdNumber) } : null;
    case 'publicServant':
      return isString(body.idNumber) ? { record: await records.publicServant(body.idNumber) } : null;
  }
}

/** A 200 that is not the contract: not JSON, the wrong shape, or a record about someone else. */
function brokenAnswer(kind: Malformed, operation: RecordsOperation, real: unknown): { text: string; contentType: string } {
  if (kind === 'not-json') return { text: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' };
  if (kind === 'wrong-shape') {
    const wrong =
      operation === 'identity'
        ? { result: 'yes' }
        : operation === 'properties' || operation === 'businessLicences'
          ? { records: [{ registeredOn: 20240301 }] }
          : { record: { idNumber: 430922, registeredOn: '1 March 2024' } };
    return { text: JSON.stringify(wrong), contentType: 'application/json' };
  }
  // Someone else's record: every ID number in the answer replaced by another valid-looking one.
  const other = JSON.stringify(real).replace(/\b\d{17}[\dX]\b/g, '110101199003074477');
  return { text: other, contentType: 'application/json' };
}

export async function startFakeRecordsUpstream(options: FakeRecordsUpstreamOptions): Promise<FakeRecordsUpstream> {
  const { key } = options;
  const records = options.records ?? localRecords();
  const behaviour: UpstreamBehaviour = {
    failRate: options.failRate ?? 0,
    stallRate: options.stallRate ?? 0,
    stallMs: options.stallMs ?? 1000,
    seed: options.seed ?? 1,
    script: options.script ?? [],
    down: options.down ?? false,
    malformed: options.malformed ?? null,
  };
  const requests: UpstreamRequest[] = [];
  const identicalCalls = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const base = '/v1/records';

  const server = createServer(async (req, res) => {
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : null;
    };
    const path = (req.url ?? '').split('?')[0]!;
    const record: UpstreamRequest = {
      seq: requests.length,
      operation: path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path,
      authorization: header('authorization'),
      contentType: header('content-type'),
      body: null,
      outcome: 'bad-request',
      status: 400,
    };
    requests.push(record);
    const settle = (outcome: UpstreamOutcome, status: number, payload: unknown, contentType?: string) => {
      record.outcome = outcome;
      record.status = status;
      send(res, status, payload, contentType);
    };

    let text: string;
    try {
      text = await readBody(req);
    } catch {
      return;
    }
    if (behaviour.down) {
      record.outcome = 'dropped';
      record.status = 0;
      req.socket.destroy();
      return;
    }
    const operation = record.operation as RecordsOperation;
    if (!recordsOperations.includes(operation)) return settle('not-found', 404, { error: 'unknown_operation' });
    if (req.method !== 'POST') return settle('bad-request', 405, { error: 'method_not_allowed' });
    if (record.authorization !== `Bearer ${key}`) return settle('unauthorized', 401, { error: 'invalid_api_key' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return settle('bad-request', 400, { error: 'body_not_json' });
    }
    record.body = body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return settle('bad-request', 400, { error: 'body_not_object' });

    const callKey = `${operation}:${text}`;
    const n = (identicalCalls.get(callKey) ?? 0) + 1;
    identicalCalls.set(callKey, n);
    const scripted = behaviour.script[n - 1];
    const roll = unitHash(`${behaviour.seed}:${callKey}:${n}`);
    const fault: UpstreamFault | null =
      scripted ?? (roll < behaviour.failRate ? '500' : roll < behaviour.failRate + behaviour.stallRate ? 'stall' : null);

    switch (fault) {
      // Like some real services, refusals echo what they were sent: the client must keep it out of its errors.
      case '500':
        return settle('failed', 500, { error: 'internal_error', echo: body });
      case '503':
        return settle('unavailable', 503, 'Service Unavailable', 'text/plain');
      case '429':
        return settle('rate-limited', 429, { error: 'rate_limited' });
      case '400':
        return settle('refused', 400, { error: 'bad_request', message: `无法查询 ${text}` });
      case 'drop':
        record.outcome = 'dropped';
        record.status = 0;
        req.socket.destroy();
        return;
      default:
        break;
    }

    let answer: unknown;
    try {
      answer = await serve(records, operation, body as Record<string, unknown>);
    } catch {
      return settle('failed', 500, { error: 'internal_error' });
    }
    if (answer === null) return settle('bad-request', 400, { error: 'missing_fields' });

    const malformed = fault === 'not-json' || fault === 'wrong-shape' || fault === 'other-person' ? fault : behaviour.malformed;
    if (malformed) {
      const broken = brokenAnswer(malformed, operation, answer);
      return settle('malformed', 200, broken.text, broken.contentType);
    }
    if (fault === 'stall') {
      record.outcome = 'stalled';
      record.status = 200;
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(res, 200, answer);
      }, behaviour.stallMs);
      timers.add(timer);
      return;
    }
    settle('answered', 200, answer);
  });

  const origin = await listenOnLoopback(server);

  return {
    url: `${origin}${base}`,
    requests,
    requestsFor: (operation) => requests.filter((r) => r.operation === operation),
    set(changes) {
      Object.assign(behaviour, changes);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

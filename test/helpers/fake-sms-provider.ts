import { createServer, type ServerResponse } from 'node:http';
import { listenOnLoopback, readBody, unitHash } from './fake-server';

/**
 * A local SMS provider over real HTTP, for fault tests of the `http` adapter. Like a real provider with
 * idempotency it delivers each `Idempotency-Key` once (a repeated key answers 200 and delivers nothing), and it
 * misbehaves on purpose: a fraction of calls fail with 500, a fraction stall past the client's timeout (while the
 * message may already be delivered: that is why the key matters), and some numbers are refused every time.
 * Which call fails is decided from (seed, key, n-th call for that key), so a run does not depend on timing.
 */
export interface FakeSmsProviderOptions {
  /** The API key it expects as `Authorization: Bearer <key>`; anything else gets 401. */
  key: string;
  /** Fraction of calls answered 500 without delivering. */
  failRate?: number;
  /** Fraction of calls held for `stallMs` before answering 200. */
  stallRate?: number;
  stallMs?: number;
  /** Whether a stalled call delivers the message before stalling (default true: the provider got it, the client gave up). */
  stallDelivers?: boolean;
  seed?: number;
  /** Numbers answered with this status on every call (400: refused for good; 500: broken for that number). */
  refuse?: Record<string, number>;
  /** The JSON a refusal answers with; default `{ error, phone, body }`, echoing what was sent as some providers do. */
  refusalEcho?: (message: { phone: string; body: string }) => unknown;
  /** How long every accepted message takes before the answer (a real provider's time per message); default 0. */
  latencyMs?: number;
}

export type ProviderOutcome = 'delivered' | 'duplicate' | 'failed' | 'stalled' | 'refused' | 'unauthorized' | 'bad-request';

export interface ProviderRequest {
  /** Order of arrival, from 0. */
  seq: number;
  idempotencyKey: string | null;
  authorization: string | null;
  contentType: string | null;
  phone: string | null;
  body: string | null;
  outcome: ProviderOutcome;
  status: number;
}

export interface Delivery {
  idempotencyKey: string;
  phone: string;
  body: string;
}

export interface FakeSmsProvider {
  url: string;
  /** Every call, in order of arrival. */
  requests: ProviderRequest[];
  /** What actually reached a phone, in order: one entry per delivery. */
  deliveries: Delivery[];
  requestsFor(key: string): ProviderRequest[];
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, payload: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(payload));
}

export async function startFakeSmsProvider(options: FakeSmsProviderOptions): Promise<FakeSmsProvider> {
  const failRate = options.failRate ?? 0;
  const stallRate = options.stallRate ?? 0;
  const stallMs = options.stallMs ?? 1000;
  const stallDelivers = options.stallDelivers ?? true;
  const latencyMs = options.latencyMs ?? 0;
  const seed = options.seed ?? 1;
  const refuse = options.refuse ?? {};
  const requests: ProviderRequest[] = [];
  const deliveries: Delivery[] = [];
  const delivered = new Set<string>();
  const callsPerKey = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  const deliver = (key: string, phone: string, body: string): boolean => {
    if (delivered.has(key)) return false;
    delivered.add(key);
    deliveries.push({ idempotencyKey: key, phone, body });
    return true;
  };

  const server = createServer(async (req, res) => {
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : null;
    };
    const record: ProviderRequest = {
      seq: requests.length,
      idempotencyKey: header('idempotency-key'),
      authorization: header('authorization'),
      contentType: header('content-type'),
      phone: null,
      body: null,
      outcome: 'bad-request',
      status: 400,
    };
    requests.push(record);
    const settle = (outcome: ProviderOutcome, status: number, payload: unknown) => {
      record.outcome = outcome;
      record.status = status;
      answer(res, status, payload);
    };

    let text: string;
    try {
      text = await readBody(req);
    } catch {
      return;
    }
    if (req.method !== 'POST') return settle('bad-request', 405, { error: 'method not allowed' });
    if (record.authorization !== `Bearer ${options.key}`) return settle('unauthorized', 401, { error: 'invalid api key' });
    const key = record.idempotencyKey;
    if (!key) return settle('bad-request', 400, { error: 'Idempotency-Key header required' });
    let message: { phone?: unknown; body?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return settle('bad-request', 400, { error: 'body is not JSON' });
    }
    if (typeof message.phone !== 'string' || typeof message.body !== 'string') {
      return settle('bad-request', 400, { error: 'phone and body are required' });
    }
    const { phone, body } = message;
    record.phone = phone;
    record.body = body;

    const refusal = refuse[phone];
    // Like some real providers, a refusal echoes what it was sent: the client must keep it out of its logs.
    if (refusal !== undefined) {
      return settle(
        'refused',
        refusal,
        options.refusalEcho ? options.refusalEcho({ phone, body }) : { error: 'number refused', phone, body },
      );
    }

    const n = (callsPerKey.get(key) ?? 0) + 1;
    callsPerKey.set(key, n);
    const roll = unitHash(`${seed}:${key}:${n}`);
    if (roll < failRate) return settle('failed', 500, { error: 'upstream carrier error' });
    if (roll < failRate + stallRate) {
      record.outcome = 'stalled';
      record.status = 200;
      if (stallDelivers) deliver(key, phone, body);
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(res, 200, { ok: true });
      }, stallMs);
      timers.add(timer);
      return;
    }
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (deliver(key, phone, body)) return settle('delivered', 200, { ok: true });
    return settle('duplicate', 200, { ok: true, duplicate: true });
  });

  const origin = await listenOnLoopback(server);

  return {
    url: `${origin}/v1/sms`,
    requests,
    deliveries,
    requestsFor: (key) => requests.filter((r) => r.idempotencyKey === key),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

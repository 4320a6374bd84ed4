import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { devSms as devSmsTable, outbox } from '../../db/schema';
import { manualClock } from '../../src/adapters/clock';
import { type SmsSender, SmsSendError } from '../../src/adapters/sms';
import { smsFromConfig } from '../../src/adapters/sms-from-config';
import { httpSms } from '../../src/adapters/sms-http';
import { maxAttempts, maxRetryDelayMs } from '../../src/domain/backoff';
import { type OutboxDeps, type OutboxRow, outboxStats, smsNotice, sweepOutbox } from '../../src/services/outbox';
import { type FakeSmsProvider, type FakeSmsProviderOptions, startFakeSmsProvider } from '../helpers/fake-sms-provider';
import { freePort } from '../helpers/ports';
import { freshDatabase, recordingLog } from '../helpers/db';

/**
 * The `http` SMS adapter and the outbox against a provider that misbehaves: a real local HTTP server (see
 * test/helpers/fake-sms-provider.ts). Sweeps run on a clock that stands still and is moved past the longest back-off
 * between rounds, so a retry is due at the next round without waiting for it.
 */
const clock = manualClock('2024-07-20T10:00:00+08:00');
const apiKey = 'test-provider-key';
/** Short, so that stalled calls keep the test fast; the fake stalls three times as long. */
const timeoutMs = 200;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let provider: FakeSmsProvider | undefined;
const { lines: logLines, log } = recordingLog();

beforeAll(async () => {
  database = await freshDatabase('outbox-faults');
  db = database.db;
});
afterAll(() => database?.close());
beforeEach(async () => {
  await db.batch([db.delete(outbox), db.delete(devSmsTable)]);
  logLines.length = 0;
});
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

async function startProvider(options: Omit<FakeSmsProviderOptions, 'key'>) {
  provider = await startFakeSmsProvider({ key: apiKey, stallMs: timeoutMs * 3, ...options });
  return provider;
}

const deps = (sms: SmsSender): OutboxDeps => ({ db, sms, clock, log });

async function queue(messages: { key: string; phone: string; body: string }[]): Promise<void> {
  const now = clock.now();
  const [head, ...rest] = messages.map((m) => smsNotice(db, { idempotencyKey: m.key, phone: m.phone, body: m.body, now }));
  await db.batch([head!, ...rest]);
}

/** Sweeps, moving the clock past the longest back-off after each round, until nothing is pending. Returns the rounds. */
async function sweepUntilSettled(sms: SmsSender): Promise<number> {
  for (let round = 1; round <= maxAttempts + 2; round++) {
    await sweepOutbox(deps(sms));
    const stats = await outboxStats(db);
    if (stats.pending === 0 && stats.sending === 0) return round;
    clock.advance(maxRetryDelayMs + 1);
  }
  throw new Error('the outbox did not settle');
}

const rowOf = async (key: string): Promise<OutboxRow> => (await db.select().from(outbox).where(eq(outbox.idempotencyKey, key)))[0]!;

describe('sending through an unreliable SMS provider', () => {
  it('delivers every message exactly once although 30 % of calls fail and some time out', async () => {
    const fake = await startProvider({ failRate: 0.3, stallRate: 0.08, seed: 20240720 });
    const n = 150;
    const messages = Array.from({ length: n }, (_, i) => ({
      key: `notice:${i}`,
      phone: `138${String(i).padStart(8, '0')}`,
      body: `【桃江县入学报名】第${i}号通知：您的验证码为${String(200000 + i)}`,
    }));
    await queue(messages);
    const sms = httpSms({ url: fake.url, key: apiKey, timeoutMs });

    const started = performance.now();
    const rounds = await sweepUntilSettled(sms);
    console.info(
      `faults: ${n} messages, ${fake.requests.length} provider calls, ${rounds} rounds, ${Math.round(performance.now() - started)} ms`,
    );

    expect(await outboxStats(db)).toEqual({ pending: 0, sending: 0, sent: n, dead: 0 });
    // The provider's side: each message reached its phone once, under its own key, with its own text.
    expect(fake.deliveries).toHaveLength(n);
    expect(new Set(fake.deliveries.map((d) => d.idempotencyKey)).size).toBe(n);
    for (const m of messages) {
      expect(fake.deliveries.filter((d) => d.body === m.body)).toEqual([{ idempotencyKey: m.key, phone: m.phone, body: m.body }]);
    }
    // The faults did happen: failed calls, calls that timed out although the provider delivered, and their retries.
    const outcomes = fake.requests.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'failed').length).toBeGreaterThan(n * 0.2);
    expect(outcomes.filter((o) => o === 'stalled').length).toBeGreaterThan(0);
    expect(
      outcomes.filter((o) => o === 'duplicate').length,
      'a timed-out but delivered key was retried and not delivered again',
    ).toBeGreaterThan(0);
    expect(new Set(outcomes)).toEqual(new Set(['delivered', 'failed', 'stalled', 'duplicate']));
    // Every call carried the key and the JSON content type, and every attempt of a message was one call with the same key and text.
    expect(fake.requests.every((r) => r.authorization === `Bearer ${apiKey}` && r.contentType === 'application/json')).toBe(true);
    let retriedMessages = 0;
    for (const m of messages) {
      const calls = fake.requestsFor(m.key);
      const row = await rowOf(m.key);
      expect(calls.length).toBe(row.attempts);
      expect(calls.every((c) => c.phone === m.phone && c.body === m.body)).toBe(true);
      if (calls.length > 1) {
        retriedMessages++;
        expect(row.lastError).toMatch(/answered 500|timed out after 200 ms/);
      }
    }
    expect(retriedMessages).toBeGreaterThan(n * 0.2);
    // What staff and operators read never holds a message text or a full number.
    const stored = (await db.select({ lastError: outbox.lastError }).from(outbox)).map((r) => r.lastError ?? '').join('\n');
    for (const text of [logLines.join('\n'), stored]) {
      for (const m of messages) {
        expect(text).not.toContain(m.body);
        expect(text).not.toContain(m.phone);
      }
    }
  });

  it('parks a message as dead after 8 attempts when the provider keeps failing for its number', async () => {
    const broken = '13900000500';
    const fake = await startProvider({ refuse: { [broken]: 500 } });
    await queue([
      { key: 'dead:500', phone: broken, body: '您的验证码为654321' },
      { key: 'fine', phone: '13900000001', body: '您的验证码为123456' },
    ]);
    const rounds = await sweepUntilSettled(httpSms({ url: fake.url, key: apiKey, timeoutMs }));

    expect(rounds).toBe(maxAttempts);
    expect(await outboxStats(db)).toEqual({ pending: 0, sending: 0, sent: 1, dead: 1 });
    const row = await rowOf('dead:500');
    expect(row).toMatchObject({ status: 'dead', attempts: maxAttempts, claimExpiresAt: null });
    expect(row.lastError).toMatch(/^SMS provider answered 500/);
    expect(row.lastError).not.toContain('654321');
    expect(row.lastError).toContain('139****0500');
    expect(fake.requestsFor('dead:500')).toHaveLength(maxAttempts);
    expect(logLines.filter((l) => l.includes('dead:500') && l.includes('is dead'))).toHaveLength(1);
  });

  it('parks a message as dead at once when the provider refuses its number (400), without retrying', async () => {
    const refused = '13900000400';
    const fake = await startProvider({ refuse: { [refused]: 400 } });
    await queue([{ key: 'dead:400', phone: refused, body: '您的验证码为111111' }]);
    expect(await sweepOutbox(deps(httpSms({ url: fake.url, key: apiKey, timeoutMs })))).toMatchObject({ claimed: 1, dead: 1, retried: 0 });

    const row = await rowOf('dead:400');
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.lastError).toMatch(/^SMS provider answered 400: .*number refused/);
    expect(row.lastError).not.toContain('111111');
    expect(row.lastError).not.toContain(refused);
    clock.advance(maxRetryDelayMs + 1);
    expect(await sweepOutbox(deps(httpSms({ url: fake.url, key: apiKey, timeoutMs })))).toMatchObject({ claimed: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it('does not retry when the provider rejects the API key (401)', async () => {
    const fake = await startProvider({});
    await queue([{ key: 'wrong-key', phone: '13900000401', body: '您的验证码为222222' }]);
    const report = await sweepOutbox(deps(httpSms({ url: fake.url, key: 'not-the-key', timeoutMs })));
    expect(report).toMatchObject({ claimed: 1, dead: 1 });
    expect(await rowOf('wrong-key')).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'SMS provider answered 401: {"error":"invalid api key"}',
    });
    expect(fake.requests.map((r) => r.outcome)).toEqual(['unauthorized']);
  });

  it('retries later when the provider cannot be reached at all', async () => {
    const url = `http://127.0.0.1:${await freePort()}/v1/sms`;
    const error = await httpSms({ url, key: apiKey, timeoutMs })
      .send({ phone: '13900000001', body: 'x', idempotencyKey: 'k' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect(error).toMatchObject({ retryable: true });
    expect((error as Error).message).toMatch(/^SMS provider unreachable/);
  });
});

describe('choosing the SMS provider from the configuration', () => {
  it('sends through the configured http provider', async () => {
    const fake = await startProvider({});
    const sms = smsFromConfig({ provider: 'http', httpUrl: fake.url, httpKey: apiKey }, db, log, clock);
    await sms.send({ phone: '13900000001', body: '你好', idempotencyKey: 'configured' });
    expect(fake.deliveries).toEqual([{ idempotencyKey: 'configured', phone: '13900000001', body: '你好' }]);
  });

  it('keeps dev messages for the inbox, once per key, and logs them with the number masked', async () => {
    const sms = smsFromConfig({ provider: 'dev' }, db, log, clock);
    await sms.send({ phone: '13812345678', body: '您的验证码为333333', idempotencyKey: 'dev:1' });
    await sms.send({ phone: '13812345678', body: '您的验证码为333333', idempotencyKey: 'dev:1' });
    expect(await db.select().from(devSmsTable)).toEqual([
      expect.objectContaining({ idempotencyKey: 'dev:1', phone: '13812345678', body: '您的验证码为333333', sentAt: clock.now() }),
    ]);
    expect(logLines).toEqual(['[sms:dev] 138****5678 您的验证码为333333']);
  });
});

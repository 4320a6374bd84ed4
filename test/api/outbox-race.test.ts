import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../db/client';
import { devSms as devSmsTable, outbox } from '../../db/schema';
import { manualClock } from '../../src/adapters/clock';
import { type SmsSender, SmsSendError } from '../../src/adapters/sms';
import { devSms } from '../../src/adapters/sms-dev';
import { maxAttempts } from '../../src/domain/backoff';
import {
  bulkSendConcurrency,
  deliver,
  claimDue,
  type OutboxDeps,
  outboxStats,
  sendBulk,
  sendNow,
  smsNotice,
  smsNotices,
  sweepOutbox,
} from '../../src/services/outbox';
import { freshDatabase, recordingLog } from '../helpers/db';

/**
 * Two sweepers are two libSQL clients on one database file, as two processes would be. They share nothing but the
 * database, so whatever keeps them from sending a message twice is the database's doing.
 */
const clock = manualClock('2024-07-20T10:00:00+08:00');
let first: Db;
let second: Db;
let database: Awaited<ReturnType<typeof freshDatabase>>;
const { lines: logLines, log } = recordingLog();

beforeAll(async () => {
  database = await freshDatabase('outbox-race');
  first = database.db;
  second = await database.open();
});
afterAll(() => database?.close());
beforeEach(async () => {
  await first.batch([first.delete(outbox), first.delete(devSmsTable)]);
  logLines.length = 0;
});

/** The dev adapter of `db`, with every call written down (in the order calls began). */
function recorded(db: Db, calls: string[]): SmsSender {
  const inner = devSms(db, log, clock);
  return {
    async send(message) {
      calls.push(message.idempotencyKey);
      await inner.send(message);
    },
  };
}

const deps = (db: Db, sms: SmsSender): OutboxDeps => ({ db, sms, clock, log });

const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;

async function queue(n: number, prefix: string, now = clock.now()): Promise<string[]> {
  const keys = Array.from({ length: n }, (_, i) => `${prefix}:${i}`);
  const [head, ...rest] = keys.map((key, i) =>
    smsNotice(first, { idempotencyKey: key, phone: phoneOf(i), body: `您的验证码为${String(100000 + i)}`, now }),
  );
  await first.batch([head!, ...rest]);
  return keys;
}

const rowOf = async (key: string) => (await first.select().from(outbox).where(eq(outbox.idempotencyKey, key)))[0]!;

describe('two sweepers draining the outbox at once', () => {
  it('send each of 1,000 due messages exactly once and leave every row sent', async () => {
    const keys = await queue(1000, 'race');
    const calls: string[] = [];
    const started = performance.now();
    const [a, b] = await Promise.all([
      sweepOutbox(deps(first, recorded(first, calls)), { limit: 50 }),
      sweepOutbox(deps(second, recorded(second, calls)), { limit: 50 }),
    ]);
    const ms = performance.now() - started;
    console.info(`two sweepers, 1,000 rows: ${Math.round(ms)} ms; first claimed ${a.claimed}, second ${b.claimed}`);

    expect(calls).toHaveLength(1000);
    expect(new Set(calls)).toEqual(new Set(keys));
    expect(a.claimed, 'both sweepers took part').toBeGreaterThan(0);
    expect(b.claimed, 'both sweepers took part').toBeGreaterThan(0);
    expect(a.claimed + b.claimed).toBe(1000);
    expect(a.sent + b.sent).toBe(1000);
    expect(a.retried + b.retried + a.dead + b.dead + a.lost + b.lost).toBe(0);
    expect(await outboxStats(first)).toEqual({ pending: 0, sending: 0, sent: 1000, dead: 0 });
    expect((await first.select({ n: count() }).from(devSmsTable))[0]!.n).toBe(1000);
    const attempts = await first.select({ attempts: outbox.attempts, n: count() }).from(outbox).groupBy(outbox.attempts);
    expect(attempts).toEqual([{ attempts: 1, n: 1000 }]);
  }, 60_000);

  it('race the immediate send of a request without sending anything twice', async () => {
    const keys = await queue(200, 'now');
    const calls: string[] = [];
    const [now, swept] = await Promise.all([
      sendNow(deps(first, recorded(first, calls)), keys),
      sweepOutbox(deps(second, recorded(second, calls)), { limit: 20 }),
    ]);
    expect(now.claimed + swept.claimed).toBe(200);
    expect(calls).toHaveLength(200);
    expect(new Set(calls).size).toBe(200);
    expect(await outboxStats(first)).toEqual({ pending: 0, sending: 0, sent: 200, dead: 0 });
  });
});

describe('a whole draw’s notices at once', () => {
  it('writes 2,500 notices in a few statements only while the condition holds, and sendBulk delivers each once', async () => {
    const now = clock.now();
    const notices = Array.from({ length: 2500 }, (_, i) => ({ idempotencyKey: `bulk:${i}`, phone: phoneOf(i), body: `录取结果${i}` }));
    const refused = smsNotices(first, notices, now, sql`1 = 0`);
    await first.batch([refused[0]!, ...refused.slice(1)]);
    expect(await outboxStats(first)).toEqual({ pending: 0, sending: 0, sent: 0, dead: 0 });
    const statements = smsNotices(first, notices, now, sql`1 = 1`);
    expect(statements).toHaveLength(3);
    await first.batch([statements[0]!, ...statements.slice(1)]);
    await first.batch([statements[0]!, ...statements.slice(1)]);
    expect(await rowOf('bulk:2499')).toMatchObject({ phone: phoneOf(2499), body: '录取结果2499', status: 'pending', attempts: 0 });

    const calls: string[] = [];
    let inFlight = 0;
    let most = 0;
    const counting: SmsSender = {
      async send(message) {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 2));
        calls.push(message.idempotencyKey);
        inFlight--;
      },
    };
    expect(await sendBulk(deps(first, counting))).toMatchObject({ claimed: 2500, sent: 2500, lost: 0 });
    expect(new Set(calls).size).toBe(2500);
    expect(calls).toHaveLength(2500);
    expect(most).toBe(bulkSendConcurrency);
    expect(await outboxStats(first)).toEqual({ pending: 0, sending: 0, sent: 2500, dead: 0 });
  }, 60_000);

  it('records nothing for a send whose claim another sweeper took over meanwhile, and says so', async () => {
    await queue(3, 'taken');
    const rows = await claimDue(first, { now: clock.now(), claimant: 'sweep:slow', limit: 3, leaseMs: 60_000 });
    const takeOver: SmsSender = {
      async send(message) {
        if (message.idempotencyKey === 'taken:1')
          await second.update(outbox).set({ claimedBy: 'sweep:other' }).where(eq(outbox.idempotencyKey, 'taken:1'));
      },
    };
    expect(await deliver(deps(first, takeOver), rows, 'sweep:slow')).toMatchObject({ claimed: 3, sent: 2, lost: 1 });
    expect(await rowOf('taken:1')).toMatchObject({ status: 'sending', claimedBy: 'sweep:other' });
    expect(await rowOf('taken:2')).toMatchObject({ status: 'sent', claimExpiresAt: null });
    expect(logLines.join('\n')).toContain('taken:1 to 139****0001: sent, but the claim had been taken over');
  });

  it('rethrows a failed write of the sent group after every send in flight has finished', async () => {
    await queue(2, 'gone');
    const rows = await claimDue(first, { now: clock.now(), claimant: 'sweep:doomed', limit: 2, leaseMs: 60_000 });
    const closed = await createDb(database.url);
    closed.$client.close();
    const calls: string[] = [];
    await expect(deliver(deps(closed, recorded(first, calls)), rows, 'sweep:doomed')).rejects.toThrow();
    expect(calls.sort()).toEqual(['gone:0', 'gone:1']);
  });
});

describe('a sweeper picking up after trouble', () => {
  it('resends a message whose sweeper crashed mid-send once its claim has expired, and leaves a live claim alone', async () => {
    const [crashed, live] = await queue(2, 'crash');
    const now = clock.now();
    await first
      .update(outbox)
      .set({ status: 'sending', claimedBy: 'sweep:crashed', claimExpiresAt: new Date(now.getTime() - 1000), attempts: 1 })
      .where(eq(outbox.idempotencyKey, crashed!));
    await first
      .update(outbox)
      .set({ status: 'sending', claimedBy: 'sweep:busy', claimExpiresAt: new Date(now.getTime() + 60_000), attempts: 1 })
      .where(eq(outbox.idempotencyKey, live!));

    const calls: string[] = [];
    const report = await sweepOutbox(deps(second, recorded(second, calls)));
    expect(calls).toEqual([crashed]);
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowOf(crashed!)).toMatchObject({ status: 'sent', attempts: 2, sentAt: now });
    expect(await rowOf(live!)).toMatchObject({ status: 'sending', claimedBy: 'sweep:busy', attempts: 1 });

    clock.advance(61_000);
    await sweepOutbox(deps(second, recorded(second, calls)));
    expect(calls).toEqual([crashed, live]);
    expect(await rowOf(live!)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('leaves a message alone until it is due', async () => {
    const [later] = await queue(1, 'later', new Date(clock.now().getTime() + 60_000));
    const calls: string[] = [];
    expect(await sweepOutbox(deps(first, recorded(first, calls)))).toMatchObject({ claimed: 0 });
    expect(await sendNow(deps(first, recorded(first, calls)), [later!])).toMatchObject({ claimed: 0 });
    expect(calls).toEqual([]);
    expect(await rowOf(later!)).toMatchObject({ status: 'pending', attempts: 0, claimedBy: null });

    clock.advance(60_000);
    await sweepOutbox(deps(first, recorded(first, calls)));
    expect(calls).toEqual([later]);
  });

  it('parks as dead a message abandoned mid-send on its last attempt, with the reason', async () => {
    const [abandoned] = await queue(1, 'abandoned');
    await first
      .update(outbox)
      .set({ status: 'sending', claimedBy: 'sweep:gone', claimExpiresAt: new Date(clock.now().getTime() - 1), attempts: maxAttempts })
      .where(eq(outbox.idempotencyKey, abandoned!));
    const calls: string[] = [];
    expect(await sweepOutbox(deps(first, recorded(first, calls)))).toMatchObject({ claimed: 0, dead: 1 });
    expect(calls).toEqual([]);
    const row = await rowOf(abandoned!);
    expect(row.status).toBe('dead');
    expect(row.lastError).toMatch(/abandoned/);
  });

  it('keeps a message the immediate send could not deliver for the sweeper, without logging its text', async () => {
    const [key] = await queue(1, 'flaky');
    const down: SmsSender = {
      send: async () => {
        throw new SmsSendError('SMS provider answered 503', { retryable: true, status: 503 });
      },
    };
    const report = await sendNow(deps(first, down), [key!]);
    expect(report).toMatchObject({ claimed: 1, retried: 1 });
    const row = await rowOf(key!);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, claimedBy: null, lastError: 'SMS provider answered 503' });
    expect(row.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 15_000);
    expect(logLines.join('\n')).not.toContain(row.body);
    expect(logLines.join('\n')).not.toContain(row.phone);
    expect(logLines.join('\n')).toContain('139****0000');

    const calls: string[] = [];
    expect(await sweepOutbox(deps(first, recorded(first, calls)))).toMatchObject({ claimed: 0 });
    clock.advance(15_000);
    expect(await sweepOutbox(deps(first, recorded(first, calls)))).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowOf(key!)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('never rejects the immediate send when the database fails, and says so in the log', async () => {
    const closed = await createDb(database.url);
    closed.$client.close();
    const report = await sendNow(deps(closed, recorded(closed, [])), ['whatever']);
    expect(report.claimed).toBe(0);
    expect(logLines.some((line) => line.includes('the sweeper will retry'))).toBe(true);
  });
});

describe('queuing a notice', () => {
  it('writes one row per key: a repeated notice changes nothing', async () => {
    const now = clock.now();
    await first.batch([smsNotice(first, { idempotencyKey: 'welcome:a', phone: phoneOf(1), body: '第一次', now })]);
    await first.batch([smsNotice(first, { idempotencyKey: 'welcome:a', phone: phoneOf(2), body: '第二次', now })]);
    const rows = await first.select().from(outbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ body: '第一次', status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now });
  });

  it('writes nothing when its condition does not hold as the batch runs', async () => {
    const now = clock.now();
    await first.batch([
      smsNotice(first, { idempotencyKey: 'if:no', phone: phoneOf(1), body: '不发', now, onlyIf: sql`1 = 0` }),
      smsNotice(first, { idempotencyKey: 'if:yes', phone: phoneOf(2), body: '发', now, onlyIf: sql`1 = 1` }),
    ]);
    const rows = await first
      .select({ key: outbox.idempotencyKey, status: outbox.status, nextAttemptAt: outbox.nextAttemptAt })
      .from(outbox);
    expect(rows).toEqual([{ key: 'if:yes', status: 'pending', nextAttemptAt: now }]);
  });
});

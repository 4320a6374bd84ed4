import type { Db } from '../../db/client';
import { devSms as devSmsTable } from '../../db/schema';
import { maskPhone } from '../domain/masking';
import { randomId } from './random';
import { bodyToKeep } from '../domain/redaction';
import { type Clock, systemClock } from './clock';
import type { SmsLog, SmsSender } from './sms';

/**
 * The local SMS provider: every message lands in `dev_sms` (read by the dev inbox page in demo mode) and in the
 * log as `[sms:dev] 138****5678 <body>`. A retried idempotency key is stored once, like a real provider would.
 * The only place where a message body is logged: use it for demos and tests, never for real parents.
 * `showCodes` (demo mode only: the dev inbox is how a demo user signs in) keeps sign-in codes in the inbox and the
 * log; otherwise a code's SMS is stored and logged without its code.
 *
 * @example const sms = devSms(db, console, clock, { showCodes: config.dev });
 */
export function devSms(db: Db, log: SmsLog, clock: Clock = systemClock, options: { showCodes?: boolean } = {}): SmsSender {
  const showCodes = options.showCodes ?? true;
  type Row = typeof devSmsTable.$inferInsert;
  let group: { row: Row; done: (error?: unknown) => void }[] = [];
  // Messages sent in one synchronous run (the sends a delivery round starts at once) share one INSERT: one commit.
  const store = async () => {
    const taken = group;
    group = [];
    try {
      const stored = await db
        .insert(devSmsTable)
        .values(taken.map((m) => m.row))
        .onConflictDoNothing({ target: devSmsTable.idempotencyKey })
        .returning({ key: devSmsTable.idempotencyKey });
      const keys = new Set(stored.map((r) => r.key));
      for (const { row } of taken) if (keys.has(row.idempotencyKey)) log.info(`[sms:dev] ${maskPhone(row.phone)} ${row.body}`);
      for (const m of taken) m.done();
    } catch (error) {
      for (const m of taken) m.done(error ?? new Error('dev SMS store failed'));
    }
  };
  return {
    send({ phone, body: sent, idempotencyKey }) {
      const body = showCodes ? sent : bodyToKeep(idempotencyKey, sent);
      return new Promise<void>((resolve, reject) => {
        group.push({ row: { id: randomId(), idempotencyKey, phone, body, sentAt: clock.now() }, done: (e) => (e ? reject(e) : resolve()) });
        if (group.length === 1) queueMicrotask(store);
      });
    },
  };
}

import type { Db } from '../../db/client';
import { devSms as devSmsTable } from '../../db/schema';
import { maskPhone } from '../domain/masking';
import { newId } from '../domain/ids';
import { type Clock, systemClock } from './clock';
import type { SmsLog, SmsSender } from './sms';

/**
 * The local SMS provider: every message lands in `dev_sms` (read by the dev inbox page in demo mode) and in the
 * log as `[sms:dev] 138****5678 <body>`. A retried idempotency key is stored once, like a real provider would.
 * The only place where a message body is logged: use it for demos and tests, never for real parents.
 *
 * @example const sms = devSms(db, console, clock);
 */
export function devSms(db: Db, log: SmsLog, clock: Clock = systemClock): SmsSender {
  return {
    async send({ phone, body, idempotencyKey }) {
      const stored = await db.insert(devSmsTable)
        .values({ id: newId(), idempotencyKey, phone, body, sentAt: clock.now() })
        .onConflictDoNothing({ target: devSmsTable.idempotencyKey })
        .returning({ id: devSmsTable.id });
      if (stored.length > 0) log.info(`[sms:dev] ${maskPhone(phone)} ${body}`);
    },
  };
}

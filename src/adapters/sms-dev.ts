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
  return {
    async send({ phone, body: sent, idempotencyKey }) {
      const body = showCodes ? sent : bodyToKeep(idempotencyKey, sent);
      const stored = await db
        .insert(devSmsTable)
        .values({ id: randomId(), idempotencyKey, phone, body, sentAt: clock.now() })
        .onConflictDoNothing({ target: devSmsTable.idempotencyKey })
        .returning({ id: devSmsTable.id });
      if (stored.length > 0) log.info(`[sms:dev] ${maskPhone(phone)} ${body}`);
    },
  };
}

import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { noticeMessage } from './messages';
import { smsNotice } from './outbox';

/** A notice as an account reads it in 我的消息, and the SMS text when it differs from the body. */
export interface Notice {
  title: string;
  body: string;
  sms?: string;
}

/**
 * The in-app message and the SMS of one notice to one account, under one key, written only where `won` holds: for the
 * caller's one guarded batch. After it commits, the SMS goes out through `sendNow` or the sweeper.
 */
export function noticeStatements(db: Db, n: { accountId: string; phone: string; key: string; notice: Notice; now: Date; won: SQL }) {
  return [
    noticeMessage(db, { accountId: n.accountId, key: n.key, title: n.notice.title, body: n.notice.body, now: n.now, onlyIf: n.won }),
    smsNotice(db, { idempotencyKey: n.key, phone: n.phone, body: n.notice.sms ?? n.notice.body, now: n.now, onlyIf: n.won }),
  ] as const;
}

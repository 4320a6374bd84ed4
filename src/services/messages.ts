import { and, count, desc, eq, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { insertManyWhen, insertWhen, preparedInsertWhen } from '../../db/insert-when';
import type { PreparedCondition } from '../../db/prepared';
import { messages } from '../../db/schema';
import { randomId } from '../adapters/random';
import { noticeLink } from '../domain/notices';

/**
 * The in-app message of a notice, for the caller's batch; a notice key makes a repeated notice a no-op.
 *
 * @example await db.batch([change, noticeMessage(db, { accountId, key: `welcome:${accountId}`, title, body, now })]);
 */
export function noticeMessage(db: Db, m: MessageNotice & { now: Date; onlyIf?: SQL }) {
  const row = messageRow(m, m.now);
  const insert = m.onlyIf ? insertWhen(db, messages, row, m.onlyIf) : db.insert(messages).values(row);
  return insert.onConflictDoNothing({ target: messages.noticeKey });
}

/** `noticeMessage` written only if the prepared condition `won` holds (a state change's own follow-up, `commitChange`). */
export function preparedNoticeMessage(m: MessageNotice & { now: Date }, won: PreparedCondition) {
  return preparedInsertWhen(messages, messageRow(m, m.now), won, { target: messages.noticeKey });
}

/** `noticeMessage` for many families at once (录取结果 to a whole draw), written only if `onlyIf` holds. */
export function noticeMessages(db: Db, notices: readonly MessageNotice[], now: Date, onlyIf: SQL) {
  return insertManyWhen(
    db,
    messages,
    notices.map((m) => messageRow(m, now)),
    onlyIf,
  ).map((insert) => insert.onConflictDoNothing({ target: messages.noticeKey }));
}

type MessageNotice = { accountId: string; key: string; title: string; body: string };

const messageRow = (m: MessageNotice, now: Date) => ({
  id: randomId(),
  accountId: m.accountId,
  noticeKey: m.key,
  title: m.title,
  body: m.body,
  createdAt: now,
});

/** 我的消息, newest first, a page at a time (`before` = the createdAt of the last one shown), each with the page it opens. */
export async function listMessages(db: Db, accountId: string, page: { limit: number; before?: Date }) {
  const filters = [eq(messages.accountId, accountId)];
  if (page.before) filters.push(lt(messages.createdAt, page.before));
  const rows = await db
    .select()
    .from(messages)
    .where(and(...filters))
    .orderBy(desc(messages.createdAt))
    .limit(page.limit);
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    body: m.body,
    link: noticeLink(m.noticeKey),
    createdAt: m.createdAt.toISOString(),
    read: m.readAt !== null,
  }));
}

/** The red dot. */
export async function unreadCount(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.accountId, accountId), isNull(messages.readAt)));
  return row?.n ?? 0;
}

/** Marks the parent's own messages read; ids of others' messages are ignored. Returns how many changed. */
export async function markRead(db: Db, accountId: string, ids: string[], now: Date): Promise<number> {
  const result = await db
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.accountId, accountId), inArray(messages.id, ids), isNull(messages.readAt)));
  return result.rowsAffected;
}

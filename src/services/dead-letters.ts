import { and, desc, eq, not } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';
import type { AppDeps } from '../deps';
import { DomainError } from '../domain/errors';
import { maskPhone } from '../domain/masking';
import { isCodeNoticeKey } from '../domain/redaction';
import { auditStatement } from './audit';
import { previousStatementChanged } from './limits';
import { isCodeNotice } from './outbox';
import type { SignedInStaff } from './staff/sessions';

type Request = { ip: string | null; requestId: string | null };

/** The kind of notice an outbox key names: the part before the first colon (`code`, `application`, `phone-changed`…). */
const kindOf = (idempotencyKey: string) => idempotencyKey.split(':', 1)[0]!;

/**
 * SMS the outbox gave up on (`dead`), newest first, for administrators: masked phone, the kind of notice, attempts
 * and the last error (redacted when it was stored). Never the body: a code's SMS may have carried a code.
 */
export async function deadLetters(db: Db) {
  const rows = await db
    .select({
      id: outbox.id,
      idempotencyKey: outbox.idempotencyKey,
      phone: outbox.phone,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(eq(outbox.status, 'dead'))
    .orderBy(desc(outbox.createdAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    kind: kindOf(r.idempotencyKey),
    phone: maskPhone(r.phone),
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    retryable: !isCodeNoticeKey(r.idempotencyKey),
  }));
}

/**
 * An administrator sends a dead SMS again: back to `pending`, due now, attempts reset; audited. One conditional
 * update, so of two administrators retrying at once exactly one succeeds (the other hears it was already retried).
 * A code's SMS is not retried: its code is gone (the parent asks for a new one).
 */
export async function retryDeadLetter(deps: Pick<AppDeps, 'db' | 'clock'>, admin: SignedInStaff, outboxId: string, request: Request) {
  const { db } = deps;
  const now = deps.clock.now();
  const [retried] = await db.batch([
    db
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, claimedBy: null, claimExpiresAt: null })
      .where(and(eq(outbox.id, outboxId), eq(outbox.status, 'dead'), not(isCodeNotice))),
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'dead_letter_retry',
        detail: { outboxId },
        ...request,
        at: now,
      },
      previousStatementChanged,
    ),
  ]);
  if (retried.rowsAffected === 1) return { id: outboxId, retried: true as const };
  const [row] = await db.select({ key: outbox.idempotencyKey, status: outbox.status }).from(outbox).where(eq(outbox.id, outboxId));
  if (!row) throw new DomainError('DEAD_LETTER_NOT_FOUND', '找不到该短信');
  if (isCodeNoticeKey(row.key)) throw new DomainError('DEAD_LETTER_IS_CODE', '验证码短信不能重发，请家长重新获取验证码');
  throw new DomainError('DEAD_LETTER_RETRIED', '该短信已被他人重新发送');
}

import { and, asc, count, eq, gt, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { noRowExists } from '../../db/exists';
import { insertManyWhen, insertWhen, preparedInsertWhen } from '../../db/insert-when';
import type { PreparedCondition } from '../../db/prepared';
import { outbox, type OutboxStatus, smsCodes } from '../../db/schema';
import type { Clock } from '../adapters/clock';
import { type SmsLog, type SmsSender, SmsSendError } from '../adapters/sms';
import { maxAttempts, nextAttemptDelay } from '../domain/backoff';
import { loggableError } from '../domain/error-text';
import { randomId } from '../adapters/random';
import { maskPhone } from '../domain/masking';
import { bodyToKeep, codeNoticePrefix, redactedCodeBody, redactEcho } from '../domain/redaction';
import { signInPolicy } from '../domain/sign-in-policy';

/**
 * The SMS outbox (DESIGN.md "Notifications (outbox)"). A notice is a row written by `smsNotice` in the same
 * `db.batch` as the change that causes it. Rows go out through two doors that never send the same row at once:
 * `sendNow` right after the request's batch committed, and `sweepOutbox` from the cron / Node timer.
 *
 * Every state change is one statement and every race is settled by the database: a claim is a single
 * `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING *` that moves rows to `sending` under a lease, and each outcome
 * is written only `WHERE id = ? AND claimed_by = ? AND status = 'sending'`, so a sender whose lease lapsed and was
 * taken over records nothing. A row whose sender died is claimed again once its lease expires; the provider sees
 * the same idempotency key on every attempt, so a message is delivered once even when a call timed out after
 * the provider had accepted it.
 */

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutboxDeps {
  db: Db;
  sms: SmsSender;
  clock: Clock;
  log: SmsLog;
}

/** What one delivery round or sweep did. `claimed` = `sent` + `retried` + `dead` (this round's) + `lost`. */
export interface OutboxReport {
  claimed: number;
  sent: number;
  /** Failed for now; back to `pending` with a later `next_attempt_at`. */
  retried: number;
  /** Given up: refused for good, out of attempts, abandoned in `sending` after its last attempt, or its code died. */
  dead: number;
  /** Claimed, but the lease lapsed before the outcome could be recorded; the next claimant tries again. */
  lost: number;
}

/** How long a sweep holds the rows it claimed. Longer than a round can take (200 rows, 8 at a time, 5 s timeout). */
export const sweepLeaseMs = 5 * 60_000;
/** How long `sendNow` holds its rows: if the request's process dies, the sweeper takes over after this. */
export const sendNowLeaseMs = 60_000;
/** Sends in flight at once per claimant. */
export const sendConcurrency = 8;
/**
 * Sends in flight at once when a whole draw's notices go out at once (录取结果 to every family): the provider's time
 * per message, not ours, is then the limit.
 */
export const bulkSendConcurrency = 32;

const emptyReport = (): OutboxReport => ({ claimed: 0, sent: 0, retried: 0, dead: 0, lost: 0 });

function addReport(into: OutboxReport, from: OutboxReport): void {
  into.claimed += from.claimed;
  into.sent += from.sent;
  into.retried += from.retried;
  into.dead += from.dead;
  into.lost += from.lost;
}

/**
 * The outbox row of one SMS notice, as a statement to put into the caller's own `db.batch([...])`, so that the
 * notice exists exactly when the change that causes it does. Keyed for idempotency: a second notice with the same
 * key writes nothing (key it by the cause, e.g. `code:<codeId>`, `welcome:<accountId>`). Due at `now`; after the
 * batch commits, call `sendNow(deps, [key])` for the immediate attempt (the sweeper covers any failure).
 * `onlyIf`: write the row only if this condition holds when the statement runs (`INSERT … SELECT … WHERE`), e.g.
 * only if an earlier statement of the same batch won its race.
 *
 * @example
 * const key = `code:${codeId}`;
 * await db.batch([
 *   db.insert(smsCodes).values({ id: codeId, phone, codeHash, createdAt: now, expiresAt, purpose: 'sign_in' }),
 *   smsNotice(db, { idempotencyKey: key, phone, body: `您的验证码是 ${code}，5 分钟内有效。`, now }),
 * ]);
 * ctx.afterResponse(() => sendNow(deps, [key]));
 */
export function smsNotice(db: Db, notice: { idempotencyKey: string; phone: string; body: string; now: Date; onlyIf?: SQL }) {
  return insertOutboxRow(db, outboxRow(notice, notice.now), notice.onlyIf);
}

/** An outbox row as a statement of the caller's batch (see `smsNotice`), e.g. one `claimedOutboxRow` built. */
export function insertOutboxRow(db: Db, row: typeof outbox.$inferInsert, onlyIf?: SQL) {
  const insert = onlyIf ? insertWhen(db, outbox, row, onlyIf) : db.insert(outbox).values(row);
  return insert.onConflictDoNothing({ target: outbox.idempotencyKey });
}

/**
 * `insertOutboxRow` written only if the prepared condition `won` holds: a state change's own follow-up
 * (`commitChange`), with an `outboxRow` or a `claimedOutboxRow`.
 */
export function preparedOutboxRow(row: typeof outbox.$inferInsert, won: PreparedCondition) {
  return preparedInsertWhen(outbox, row, won, { target: outbox.idempotencyKey });
}

/**
 * A notice's outbox row already claimed by `claimant` for `sendNowLeaseMs` (its first attempt), as `claimKeys` would
 * leave it: written in the change's own batch (`insertOutboxRow`), it saves the request's claim, one round trip.
 * Send it with `sendClaimed` once the batch has committed; if the request dies first, the sweeper takes the row
 * once the lease has lapsed, as after any claim.
 */
export function claimedOutboxRow(notice: Notice, now: Date, claimant: string): OutboxRow {
  return {
    ...outboxRow(notice, now),
    status: 'sending',
    attempts: 1,
    claimedBy: claimant,
    claimExpiresAt: new Date(now.getTime() + sendNowLeaseMs),
    lastError: null,
    sentAt: null,
  };
}

/**
 * `smsNotice` for many families at once (录取结果 to a whole draw), written only if `onlyIf` holds: a thousand rows per
 * statement. After the batch commits, call `sendBulk(deps)`.
 */
export function smsNotices(db: Db, notices: readonly Notice[], now: Date, onlyIf: SQL) {
  return insertManyWhen(
    db,
    outbox,
    notices.map((n) => outboxRow(n, now)),
    onlyIf,
  ).map((insert) => insert.onConflictDoNothing({ target: outbox.idempotencyKey }));
}

type Notice = { idempotencyKey: string; phone: string; body: string };

/** A notice's outbox row, pending: what `smsNotice` writes. */
export function outboxRow(notice: Notice, now: Date) {
  return {
    id: randomId(),
    idempotencyKey: notice.idempotencyKey,
    phone: notice.phone,
    body: notice.body,
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/** The columns a claim writes: the row is `claimant`'s until `now + leaseMs`, and this is one more attempt. */
function claimSet(now: Date, claimant: string, leaseMs: number) {
  return {
    status: 'sending' as const,
    claimedBy: claimant,
    claimExpiresAt: new Date(now.getTime() + leaseMs),
    attempts: sql`${outbox.attempts} + 1`,
  };
}

/**
 * Claims up to `limit` due rows in one statement: pending rows whose time has come, and rows left in `sending` by a
 * claimant whose lease has expired (a crashed sweeper or request) that still have attempts left. Two sweepers
 * running this at once never get the same row: the database runs each UPDATE alone.
 */
export async function claimDue(db: Db, params: { now: Date; claimant: string; limit: number; leaseMs: number }): Promise<OutboxRow[]> {
  const { now, claimant, limit, leaseMs } = params;
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.status, 'sending'), lt(outbox.claimExpiresAt, now), lt(outbox.attempts, maxAttempts)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit);
  return db
    .update(outbox)
    .set(claimSet(now, claimant, leaseMs))
    .where(inArray(outbox.id, due))
    .returning();
}

/**
 * Claims the given notices if they are pending and due: the immediate attempt after a request's batch committed.
 * A key already claimed (by the sweeper or another request), sent, dead, or waiting out a back-off is skipped.
 */
export async function claimKeys(
  db: Db,
  params: { keys: readonly string[]; now: Date; claimant: string; leaseMs: number },
): Promise<OutboxRow[]> {
  const { keys, now, claimant, leaseMs } = params;
  if (keys.length === 0) return [];
  return db
    .update(outbox)
    .set(claimSet(now, claimant, leaseMs))
    .where(and(inArray(outbox.idempotencyKey, [...keys]), eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .returning();
}

/** `isCodeNoticeKey` in SQL: the row is a code's SMS. */
export const isCodeNotice = sql`${outbox.idempotencyKey} LIKE ${`${codeNoticePrefix}%`}`;

/** `body` as a row may keep it once it needs no more sending (`bodyToKeep` in SQL): a code's SMS loses its code. */
const keptBody = sql`CASE WHEN ${isCodeNotice} THEN ${redactedCodeBody} ELSE ${outbox.body} END`;

/**
 * A code's SMS whose code can no longer be used: the code expired, was used, or was tried too often (or its row is
 * gone). Such an SMS is pointless to send and its text must not be kept.
 */
const codeIsDead = (now: Date) => sql`(
  ${outbox.createdAt} <= ${now.getTime() - signInPolicy.codeTtlMs}
  OR ${noRowExists(
    smsCodes,
    sql`${smsCodes.id} = substr(${outbox.idempotencyKey}, ${codeNoticePrefix.length + 1})`,
    gt(smsCodes.expiresAt, now),
    isNull(smsCodes.consumedBy),
    lt(smsCodes.attempts, signInPolicy.maxCodeAttempts),
  )}
)`;

/**
 * Keeps no live secret in the outbox: every code SMS that was sent or given up loses its code (also rows written
 * before this rule), and a code SMS still waiting whose code died is given up, without its code. Returns how many
 * rows were given up this way.
 */
export async function forgetCodes(db: Db, now: Date): Promise<number> {
  const [, expired] = await db.batch([
    db
      .update(outbox)
      .set({ body: redactedCodeBody })
      .where(and(isCodeNotice, inArray(outbox.status, ['sent', 'dead']), sql`${outbox.body} <> ${redactedCodeBody}`)),
    db
      .update(outbox)
      .set({
        status: 'dead',
        body: redactedCodeBody,
        claimedBy: null,
        claimExpiresAt: null,
        lastError: 'the code expired or was used before its SMS could be sent',
      })
      .where(and(isCodeNotice, inArray(outbox.status, ['pending', 'sending']), codeIsDead(now)))
      .returning({ id: outbox.id }),
  ]);
  return expired.length;
}

/**
 * Parks rows abandoned in `sending` after their last attempt (the claimant died mid-send and no attempt is left):
 * `dead` for staff to see, instead of sitting in `sending` forever. Returns how many.
 */
export async function buryAbandoned(db: Db, now: Date): Promise<number> {
  const buried = await db
    .update(outbox)
    .set({
      status: 'dead',
      claimExpiresAt: null,
      lastError: 'abandoned while sending after the last attempt (the sender stopped)',
      body: keptBody,
    })
    .where(and(eq(outbox.status, 'sending'), lt(outbox.claimExpiresAt, now), gte(outbox.attempts, maxAttempts)))
    .returning({ id: outbox.id });
  return buried.length;
}

/** Only the holder of the claim may record an outcome; a lapsed and taken-over claim records nothing. */
const heldBy = (row: OutboxRow, claimant: string) =>
  and(eq(outbox.id, row.id), eq(outbox.claimedBy, claimant), eq(outbox.status, 'sending'));

/**
 * Sends rows claimed by `claimant` (at most `concurrency` at once) and records each outcome: `sent`; back to
 * `pending` after a retryable failure with `next_attempt_at = now + nextAttemptDelay(attempts)`; `dead` when the
 * provider refused for good or the attempts are used up. Logs show the key and the masked phone, never the body.
 * A database failure while recording is rethrown after every send in flight has finished.
 */
export async function deliver(
  deps: OutboxDeps,
  rows: readonly OutboxRow[],
  claimant: string,
  options: { concurrency?: number } = {},
): Promise<OutboxReport> {
  const { db, sms, clock, log } = deps;
  const report = emptyReport();
  report.claimed = rows.length;
  const failures: unknown[] = [];
  let next = 0;
  const sent = sentRecorder(deps, claimant, report);

  const deliverOne = async (row: OutboxRow) => {
    const who = `${row.idempotencyKey} to ${maskPhone(row.phone)}`;
    if (row.claimExpiresAt && clock.now().getTime() >= row.claimExpiresAt.getTime()) {
      // Our lease ran out while earlier sends were slow: another claimant may hold the row by now.
      report.lost++;
      log.warn(`[outbox] ${who}: claim expired before sending, left for the next sweep`);
      return;
    }
    let failure: { retryable: boolean; message: string } | undefined;
    try {
      await sms.send({ phone: row.phone, body: row.body, idempotencyKey: row.idempotencyKey });
    } catch (error) {
      failure = describeFailure(error, row);
    }
    if (!failure) {
      sent.record(row);
      return;
    }
    const now = clock.now();
    const attempt = `attempt ${row.attempts}/${maxAttempts}`;
    if (failure.retryable && row.attempts < maxAttempts) {
      const delay = nextAttemptDelay(row.attempts);
      const result = await db
        .update(outbox)
        .set({
          status: 'pending',
          nextAttemptAt: new Date(now.getTime() + delay),
          lastError: failure.message,
          claimedBy: null,
          claimExpiresAt: null,
        })
        .where(heldBy(row, claimant));
      if (result.rowsAffected === 1) {
        report.retried++;
        log.warn(`[outbox] ${who} failed (${attempt}), retry in ${Math.round(delay / 1000)} s: ${failure.message}`);
      } else report.lost++;
      return;
    }
    const result = await db
      .update(outbox)
      .set({ status: 'dead', lastError: failure.message, claimExpiresAt: null, body: bodyToKeep(row.idempotencyKey, row.body) })
      .where(heldBy(row, claimant));
    if (result.rowsAffected === 1) {
      report.dead++;
      log.error(`[outbox] ${who} is dead (${attempt}, ${failure.retryable ? 'out of attempts' : 'refused'}): ${failure.message}`);
    } else report.lost++;
  };

  const worker = async () => {
    while (next < rows.length && failures.length === 0) {
      const row = rows[next++]!;
      try {
        await deliverOne(row);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? sendConcurrency, rows.length)) }, worker));
  await sent.settled().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
  return report;
}

/** How long a finished send waits for others to share its `sent` write (one commit, one fsync, for the group). */
const sentGroupMs = 25;

/**
 * Records sends as `sent` in groups: the sends that finish within `sentGroupMs` of each other share one UPDATE, so a
 * burst costs a commit per group instead of one per message (the local libSQL driver holds the thread while it syncs).
 * Sending goes on meanwhile; `settled()` resolves once every outcome is written and rejects if a write failed.
 */
function sentRecorder(deps: OutboxDeps, claimant: string, report: OutboxReport) {
  let group: OutboxRow[] = [];
  let scheduled: Promise<void> | null = null;
  const writes: Promise<void>[] = [];
  const failures: unknown[] = [];
  const write = async (rows: OutboxRow[]) => {
    const ids = await deps.db
      .update(outbox)
      .set({ status: 'sent', sentAt: deps.clock.now(), claimExpiresAt: null, body: keptBody })
      .where(
        and(
          inArray(
            outbox.id,
            rows.map((r) => r.id),
          ),
          eq(outbox.claimedBy, claimant),
          eq(outbox.status, 'sending'),
        ),
      )
      .returning({ id: outbox.id });
    const recorded = new Set(ids.map((r) => r.id));
    report.sent += recorded.size;
    for (const row of rows.filter((r) => !recorded.has(r.id))) {
      report.lost++;
      deps.log.warn(
        `[outbox] ${row.idempotencyKey} to ${maskPhone(row.phone)}: sent, but the claim had been taken over; the new claimant resends with the same key`,
      );
    }
  };
  return {
    record(row: OutboxRow) {
      group.push(row);
      if (scheduled) return;
      scheduled = new Promise<void>((resolve) => setTimeout(resolve, sentGroupMs)).then(() => {
        const rows = group;
        group = [];
        scheduled = null;
        return write(rows);
      });
      writes.push(scheduled.catch((error: unknown) => void failures.push(error)));
    },
    async settled() {
      await Promise.all(writes);
      if (failures.length > 0) throw failures[0];
    },
  };
}

/** A failure as stored in `last_error` and logged: never the body, never the full phone number. */
function describeFailure(error: unknown, row: OutboxRow): { retryable: boolean; message: string } {
  const retryable = error instanceof SmsSendError ? error.retryable : true;
  const raw = error instanceof SmsSendError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { retryable, message: redactEcho(raw, row).slice(0, 500) };
}

/**
 * The sweeper: claims due rows (`limit` per round) and delivers them, round after round, until nothing is due or
 * `budgetMs` of wall time is spent; first parks rows abandoned after their last attempt. Run it from the Worker's
 * Cron Trigger and the Node timer (via `sweep()`); any number of sweepers may run at once.
 * Keep `leaseMs` above the time one round can take (`limit / concurrency × the provider timeout`).
 */
export async function sweepOutbox(
  deps: OutboxDeps,
  options: { limit?: number; budgetMs?: number; leaseMs?: number; concurrency?: number; claimant?: string } = {},
): Promise<OutboxReport> {
  const limit = options.limit ?? 200;
  const budgetMs = options.budgetMs ?? 25_000;
  const leaseMs = options.leaseMs ?? sweepLeaseMs;
  const claimant = options.claimant ?? `sweep:${randomId()}`;
  const started = performance.now();
  const report = emptyReport();
  report.dead += await forgetCodes(deps.db, deps.clock.now());
  report.dead += await buryAbandoned(deps.db, deps.clock.now());
  for (;;) {
    const rows = await claimDue(deps.db, { now: deps.clock.now(), claimant, limit, leaseMs });
    if (rows.length === 0) break;
    addReport(report, await deliver(deps, rows, claimant, { concurrency: options.concurrency }));
    if (rows.length < limit || performance.now() - started >= budgetMs) break;
  }
  return report;
}

/**
 * The immediate attempt for notices a request just committed (sign-in codes must not wait for the cron).
 * Never rejects: whatever fails stays in the outbox for the sweeper, and is logged.
 *
 * @example ctx.afterResponse(() => sendNow(deps, [`code:${codeId}`]));
 */
export function sendNow(deps: OutboxDeps, keys: readonly string[], options: { leaseMs?: number } = {}): Promise<OutboxReport> {
  const claimant = `now:${randomId()}`;
  return sendImmediately(deps, keys, claimant, async () =>
    claimKeys(deps.db, { keys, now: deps.clock.now(), claimant, leaseMs: options.leaseMs ?? sendNowLeaseMs }),
  );
}

/**
 * The immediate attempt for rows the request's own batch wrote already claimed by `claimant` (`claimedOutboxRow`).
 * Never rejects, as `sendNow`.
 */
export function sendClaimed(deps: OutboxDeps, rows: readonly OutboxRow[], claimant: string): Promise<OutboxReport> {
  return sendImmediately(
    deps,
    rows.map((r) => r.idempotencyKey),
    claimant,
    async () => rows,
  );
}

/** Delivers the rows `claimed` gives `claimant`; whatever fails stays in the outbox for the sweeper, and is logged. */
async function sendImmediately(
  deps: OutboxDeps,
  keys: readonly string[],
  claimant: string,
  claimed: () => Promise<readonly OutboxRow[]>,
): Promise<OutboxReport> {
  try {
    return await deliver(deps, await claimed(), claimant);
  } catch (error) {
    deps.log.error(`[outbox] immediate send of ${keys.join(', ')} failed; the sweeper will retry: ${loggableError(error)}`);
    return emptyReport();
  }
}

/**
 * Delivers everything due now with `bulkSendConcurrency` sends in flight, within `budgetMs`: after a change that wrote
 * a notice for many families at once (录取结果 to a whole draw). The sweeper takes whatever is left. Never rejects.
 *
 * @example ctx.afterResponse(() => sendBulk(deps));
 */
export async function sendBulk(deps: OutboxDeps, options: { budgetMs?: number } = {}): Promise<OutboxReport> {
  try {
    return await sweepOutbox(deps, {
      concurrency: bulkSendConcurrency,
      limit: 500,
      budgetMs: options.budgetMs ?? 25_000,
      claimant: `bulk:${randomId()}`,
    });
  } catch (error) {
    deps.log.error(`[outbox] bulk send failed; the sweeper will retry: ${loggableError(error)}`);
    return emptyReport();
  }
}

/** Rows per status, every status present: what staff and `/api/health`-style checks read. */
export async function outboxStats(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const stats: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, dead: 0 };
  for (const row of rows) stats[row.status] = row.n;
  return stats;
}

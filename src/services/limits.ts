import { and, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { insertWhen } from '../../db/insert-when';
import { rateLimits, staffSignInFailures } from '../../db/schema';
import { DomainError } from '../domain/errors';
import { addressGroup, limitMessage, type LimitRule, limitsKeptMs, retryAfterSeconds, windowStart } from '../domain/limits';

/** One limit to take from: a rule, whose counter (an account id, an address, `all`), and how much (default 1). */
export interface Charge {
  rule: LimitRule;
  subject: string;
  weight?: number;
}

/**
 * True when the statement just before it in the batch changed a row. After `chargeStatements` it means "every
 * limit was taken", so a write placed right after them happens only within the limits.
 */
export const previousStatementChanged = sql`changes() > 0`;

/** The per-address charge of a rule, or none when the host does not know the address. */
export function perAddress(rule: LimitRule, ip: string | null): Charge[] {
  return ip ? [{ rule, subject: addressGroup(ip) }] : [];
}

/**
 * Statements for a `db.batch` that take each charge from its counter in order. Each is one upsert that refuses to
 * pass its limit (`… ON CONFLICT DO UPDATE … WHERE used + weight <= limit`), so concurrent requests cannot slip
 * past it; each runs only if the one before took its share (`changes()`), so a refused request takes nothing from
 * the counters after the one that refused it. Put the most specific charges first and shared budgets last.
 * `when` gates the first one (e.g. the cheap checks of the write that follows).
 *
 * @example db.batch([...chargeStatements(db, charges, now), insertWhen(db, table, row, previousStatementChanged)])
 */
export function chargeStatements(db: Db, charges: Charge[], now: Date, when?: SQL) {
  return charges.map((charge, i) => {
    const weight = charge.weight ?? 1;
    const gate = i === 0 ? (when ?? sql`1`) : previousStatementChanged;
    return insertWhen(
      db,
      rateLimits,
      {
        bucket: charge.rule.bucket,
        subject: charge.subject,
        windowStart: windowStart(now, charge.rule),
        used: weight,
      },
      sql`${gate} AND ${weight} <= ${charge.rule.limit}`,
    ).onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.subject, rateLimits.windowStart],
      set: { used: sql`${rateLimits.used} + excluded.used` },
      setWhere: sql`${rateLimits.used} + excluded.used <= ${charge.rule.limit}`,
    });
  });
}

/** The refusal for a charge that did not fit: RATE_LIMITED with the rule's message and `retryAfterSeconds`. */
export function limitRefusal(rule: LimitRule, now: Date): DomainError {
  const wait = retryAfterSeconds(now, rule);
  return new DomainError('RATE_LIMITED', limitMessage(rule, wait), undefined, wait);
}

/** Which charge refused, given the batch results of `chargeStatements` (in the same order), or null. */
export function refusedCharge(charges: Charge[], results: readonly unknown[]): Charge | null {
  const index = charges.findIndex((_, i) => (results[i] as { rowsAffected?: number } | undefined)?.rowsAffected !== 1);
  return index < 0 ? null : charges[index]!;
}

/** Takes every charge in one batch, or throws the refusal of the first that does not fit (nothing after it is taken). */
export async function takeLimits(deps: { db: Db; clock: { now(): Date } }, charges: Charge[]): Promise<void> {
  if (charges.length === 0) return;
  const now = deps.clock.now();
  const [first, ...rest] = chargeStatements(deps.db, charges, now);
  const results = await deps.db.batch([first!, ...rest]);
  const refused = refusedCharge(charges, results);
  if (refused) throw limitRefusal(refused.rule, now);
}

/**
 * Deletes counters of windows long gone, and staff sign-in failures nobody has added to for longer than any lock
 * lasts or any memory of failures is kept (run by the sweeper).
 */
export async function pruneLimits(deps: { db: Db; clock: { now(): Date } }): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - limitsKeptMs);
  const [counters, failures] = await deps.db.batch([
    deps.db.delete(rateLimits).where(lt(rateLimits.windowStart, before)),
    deps.db
      .delete(staffSignInFailures)
      .where(
        and(
          lt(staffSignInFailures.lastFailureAt, before),
          or(isNull(staffSignInFailures.lockedUntil), lt(staffSignInFailures.lockedUntil, deps.clock.now())),
        ),
      ),
  ]);
  return counters.rowsAffected + failures.rowsAffected;
}

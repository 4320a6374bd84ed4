import { and, eq, isNull, sql } from 'drizzle-orm';
import { staff, staffSessions, staffSignInFailures } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { dummyPasswordHash, verifyPassword } from '../../adapters/passwords';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { addressGroup, limits, waitText } from '../../domain/limits';
import { maskIdNumbersInText } from '../../domain/masking';
import { lockDuration, staffPolicy } from '../../domain/staff-policy';
import { auditStatement } from '../audit';
import { perAddress, takeLimits } from '../limits';
import { newStaffSession } from './sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault'>;
type Attempt = { username: string; password: string; ip: string | null; requestId: string | null };

/** The name a lock is kept under: what was typed, an ID number typed by mistake masked (it is never stored whole). */
const lockName = (typed: string) => maskIdNumbersInText(typed);

const wrong = () => new DomainError('STAFF_SIGN_IN_FAILED', '用户名或密码错误');

function locked(seconds: number) {
  return new DomainError('STAFF_LOCKED', `登录失败次数过多，账号已锁定，请${waitText(seconds)}后再试`, undefined, seconds);
}

/**
 * Staff sign-in by username and password, in this order, so that the expensive and the lasting parts come last:
 * 1. the per-address limit (nothing checked, nothing audited beyond it);
 * 2. one attempt of this username from this address is reserved atomically: five failures lock the pair, each
 *    lock longer than the last, and an expired lock starts the count again; another address is not affected;
 * 3. the password is checked (an unknown or disabled name against a dummy hash, with the same reservation and
 *    writes, so it gets the same answer in the same time);
 * 4. success clears the pair and opens a session; failure counts, locks at the fifth; both are audited.
 */
export async function staffSignIn(deps: Deps, input: Attempt) {
  const { db } = deps;
  await takeLimits(deps, perAddress(limits.staffSignInPerAddress, input.ip));
  const now = deps.clock.now();
  const pair = and(
    eq(staffSignInFailures.username, lockName(input.username)),
    eq(staffSignInFailures.address, input.ip ? addressGroup(input.ip) : 'unknown'),
  );
  const attempt = await reserveAttempt(deps, input, now);
  if (!attempt) {
    const [row] = await db.select({ lockedUntil: staffSignInFailures.lockedUntil }).from(staffSignInFailures).where(pair);
    const until = row?.lockedUntil?.getTime() ?? now.getTime() + staffPolicy.lockoutMs;
    throw locked(Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
  }

  const [member] = await db.select().from(staff).where(eq(staff.username, input.username));
  const usable = member && !member.disabledAt ? member : null;
  const passwordOk = await verifyPassword(input.password, usable?.passwordHash ?? dummyPasswordHash);
  const audit = (action: string, detail: Record<string, unknown> = {}) =>
    auditStatement(db, {
      staffId: member?.id ?? null,
      username: input.username,
      action,
      detail,
      ip: input.ip,
      requestId: input.requestId,
      at: now,
    });

  if (!usable || !passwordOk) {
    const locksNow = attempt.failures >= staffPolicy.maxFailedAttempts;
    const reason = !member ? 'unknown_user' : member.disabledAt ? 'disabled' : 'wrong_password';
    const lock = db
      .update(staffSignInFailures)
      .set({
        lockedUntil: new Date(now.getTime() + lockDuration(attempt.locks)),
        locks: sql`${staffSignInFailures.locks} + 1`,
      })
      .where(and(pair, eq(staffSignInFailures.failures, attempt.failures), isNull(staffSignInFailures.lockedUntil)));
    const entry = audit('sign_in_failed', {
      reason,
      attempt: attempt.failures,
      ...(locksNow ? { lockedForMinutes: lockDuration(attempt.locks) / 60_000 } : {}),
    });
    if (locksNow) await db.batch([lock, entry]);
    else await entry;
    throw wrong();
  }

  const { token, tokenHash, expiresAt } = await newStaffSession(deps, now);
  await db.batch([
    db.delete(staffSignInFailures).where(pair),
    db.insert(staffSessions).values({ id: newId(deps.random), tokenHash, staffId: usable.id, createdAt: now, lastSeenAt: now, expiresAt }),
    audit('sign_in'),
  ]);
  return { token, staff: { id: usable.id, username: usable.username, displayName: usable.displayName, role: usable.role } };
}

/**
 * Counts one attempt of (username, address) unless the pair is locked or already has its five attempts out; in one
 * upsert, so concurrent attempts get at most five password checks per lock. Returns the attempt's number and the
 * pair's earlier locks, or null when locked.
 */
async function reserveAttempt(deps: Deps, input: Attempt, now: Date) {
  const f = staffSignInFailures;
  const t = now.getTime();
  const max = staffPolicy.maxFailedAttempts;
  const forgotten = sql`${f.lastFailureAt} <= ${t - staffPolicy.forgetFailuresAfterMs}`;
  const expired = sql`${f.lockedUntil} IS NOT NULL AND ${f.lockedUntil} <= ${t}`;
  // A fifth attempt whose outcome was never written (the process died) must not lock the pair for ever.
  const abandoned = sql`${f.lockedUntil} IS NULL AND ${f.failures} >= ${max} AND ${f.lastFailureAt} <= ${t - staffPolicy.lockoutMs}`;
  const restart = sql`(${forgotten} OR ${expired} OR ${abandoned})`;
  const [row] = await deps.db
    .insert(f)
    .values({
      username: lockName(input.username),
      address: input.ip ? addressGroup(input.ip) : 'unknown',
      failures: 1,
      locks: 0,
      lockedUntil: null,
      lastFailureAt: now,
    })
    .onConflictDoUpdate({
      target: [f.username, f.address],
      set: {
        failures: sql`CASE WHEN ${restart} THEN 1 ELSE ${f.failures} + 1 END`,
        locks: sql`CASE WHEN ${forgotten} THEN 0 ELSE ${f.locks} END`,
        lockedUntil: null,
        lastFailureAt: now,
      },
      setWhere: sql`(${f.lockedUntil} IS NULL OR ${f.lockedUntil} <= ${t}) AND (${f.failures} < ${max} OR ${restart})`,
    })
    .returning({ failures: f.failures, locks: f.locks });
  return row ?? null;
}

import { and, eq, isNull, sql } from 'drizzle-orm';
import { schools, staff, staffSessions } from '../../../db/schema';
import type { AppDeps } from '../../api/context';
import { dummyPasswordHash, verifyPassword } from '../../adapters/passwords';
import { randomToken, sha256 } from '../../adapters/vault';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { type StaffRoleCode, staffPolicy } from '../../domain/staff-policy';
import { auditStatement } from '../audit';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export interface SignedInStaff {
  staffId: string;
  username: string;
  displayName: string;
  role: StaffRoleCode;
  schoolId: string | null;
  schoolName: string | null;
  sessionId: string;
}

const wrong = () => new DomainError('STAFF_SIGN_IN_FAILED', '用户名或密码错误');

/**
 * Staff sign-in by username and password. Five wrong passwords lock the account for 15 minutes; an unknown name
 * costs the same time as a known one. Success and failure are both audited, in the batch that records them.
 */
export async function staffSignIn(deps: Deps, input: { username: string; password: string; ip: string | null; requestId: string | null }) {
  const { db } = deps;
  const now = deps.clock.now();
  const [member] = await db.select().from(staff).where(eq(staff.username, input.username));
  const audit = (action: string, detail: Record<string, unknown> = {}) =>
    auditStatement(db, { staffId: member?.id ?? null, username: input.username, action, detail, ip: input.ip, requestId: input.requestId, at: now });

  if (!member || member.disabledAt) {
    await verifyPassword(input.password, dummyPasswordHash);
    await db.batch([audit('sign_in_failed', { reason: member ? 'disabled' : 'unknown_user' })]);
    throw wrong();
  }
  if (member.lockedUntil && member.lockedUntil > now) {
    await db.batch([audit('sign_in_failed', { reason: 'locked' })]);
    const minutes = Math.ceil((member.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new DomainError('STAFF_LOCKED', `登录失败次数过多，账号已锁定，请${minutes}分钟后再试`);
  }
  if (!(await verifyPassword(input.password, member.passwordHash))) {
    const lockAt = staffPolicy.maxFailedAttempts;
    await db.batch([
      db.update(staff).set({
        failedAttempts: sql`${staff.failedAttempts} + 1`,
        lockedUntil: sql`CASE WHEN ${staff.failedAttempts} + 1 >= ${lockAt} THEN ${now.getTime() + staffPolicy.lockoutMs} ELSE ${staff.lockedUntil} END`,
      }).where(eq(staff.id, member.id)),
      audit('sign_in_failed', { reason: 'wrong_password', attempt: member.failedAttempts + 1 }),
    ]);
    throw wrong();
  }
  const token = randomToken();
  await db.batch([
    db.update(staff).set({ failedAttempts: 0, lockedUntil: null }).where(eq(staff.id, member.id)),
    db.insert(staffSessions).values({
      id: newId(), tokenHash: await sha256(token), staffId: member.id, createdAt: now, lastSeenAt: now,
      expiresAt: new Date(now.getTime() + staffPolicy.sessionMaxMs),
    }),
    audit('sign_in'),
  ]);
  return { token, staff: { id: member.id, username: member.username, displayName: member.displayName, role: member.role } };
}

/** The staff member behind a staff session token; parents' tokens are not staff tokens (separate table). */
export async function authenticateStaff(deps: Deps, token: string | null, afterResponse: (task: () => Promise<unknown>) => void): Promise<SignedInStaff> {
  if (!token) throw new DomainError('STAFF_SIGN_IN_REQUIRED', '请先登录审核系统');
  const now = deps.clock.now();
  const [row] = await deps.db.select({ session: staffSessions, member: staff, schoolName: schools.name }).from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId)).leftJoin(schools, eq(schools.id, staff.schoolId))
    .where(and(eq(staffSessions.tokenHash, await sha256(token)), isNull(staffSessions.revokedAt)));
  if (!row || row.member.disabledAt) throw new DomainError('STAFF_SIGN_IN_REQUIRED', '请先登录审核系统');
  const idle = now.getTime() - row.session.lastSeenAt.getTime();
  if (row.session.expiresAt <= now || idle >= staffPolicy.sessionIdleMs) throw new DomainError('STAFF_SIGN_IN_REQUIRED', '登录已过期，请重新登录审核系统');
  if (idle >= staffPolicy.touchEveryMs) {
    afterResponse(() => deps.db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, row.session.id)));
  }
  return {
    staffId: row.member.id, username: row.member.username, displayName: row.member.displayName, role: row.member.role,
    schoolId: row.member.schoolId, schoolName: row.schoolName, sessionId: row.session.id,
  };
}

export function revokeStaffSession(deps: Deps, sessionId: string) {
  return deps.db.update(staffSessions).set({ revokedAt: deps.clock.now() }).where(eq(staffSessions.id, sessionId));
}

import { and, eq, isNull, ne } from 'drizzle-orm';
import { schools, staff, staffSessions } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { sha256 } from '../../adapters/vault';
import { DomainError } from '../../domain/errors';
import { type StaffRoleCode, staffPolicy } from '../../domain/staff-policy';

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

/** Ends every open session of a staff member (password reset, account disabled), except `keep` (the acting admin's own). */
export function revokeAllStaffSessions(deps: Deps, staffId: string, now: Date, keep?: string) {
  return deps.db.update(staffSessions).set({ revokedAt: now })
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt), keep ? ne(staffSessions.id, keep) : undefined));
}

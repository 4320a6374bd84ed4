import { and, eq, isNull, ne } from 'drizzle-orm';
import { preparedStatement } from '../../../db/prepared';
import { schools, staff, staffSessions } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { sessionPolicies } from '../../domain/session-policy';
import type { StaffRoleCode } from '../../domain/staff-policy';
import { authenticate, liveSessionWith, newSessionToken, revokeSessionOf, type SessionKind, type TokenMaker } from '../audience-sessions';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export interface SignedInStaff {
  staffId: string;
  username: string;
  displayName: string;
  role: StaffRoleCode;
  schoolId: string | null;
  schoolName: string | null;
  /** An agent's (代办) community office, when they work at one rather than at a school. */
  office?: string | null;
  sessionId: string;
}

/** Parents' tokens are not staff tokens: staff sessions have their own table. A disabled account's sessions hold nothing. */
const staffSession = preparedStatement(['tokenHash'], (db, p) =>
  db
    .select({ session: staffSessions, member: staff, schoolName: schools.name })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .leftJoin(schools, eq(schools.id, staff.schoolId))
    .where(liveSessionWith(staffSessions, p.tokenHash)),
);

const staffSessionKind: SessionKind<SignedInStaff> = {
  table: staffSessions,
  policy: sessionPolicies.staff,
  async find(db, tokenHash) {
    const [row] = await staffSession.run(db, { tokenHash });
    if (!row || row.member.disabledAt) return null;
    return {
      session: row.session,
      signedIn: {
        staffId: row.member.id,
        username: row.member.username,
        displayName: row.member.displayName,
        role: row.member.role,
        schoolId: row.member.schoolId,
        schoolName: row.schoolName,
        office: row.member.office,
        sessionId: row.session.id,
      },
    };
  },
};

/** The staff member behind a staff session token. */
export function authenticateStaff(
  deps: Pick<AppDeps, 'db' | 'clock' | 'vault'>,
  token: string | null,
  afterResponse: (task: () => Promise<unknown>) => void,
): Promise<SignedInStaff> {
  return authenticate(deps, staffSessionKind, token, afterResponse);
}

/** A new staff session's token (handed out once) and what the row stores: only its hash. */
export function newStaffSession(deps: TokenMaker, now: Date) {
  return newSessionToken(deps, staffSessionKind.policy, now);
}

export function revokeStaffSession(deps: Deps, sessionId: string) {
  return revokeSessionOf(deps, staffSessionKind, sessionId);
}

/** Ends every open session of a staff member (password reset, account disabled), except `keep` (the acting admin's own). */
export function revokeAllStaffSessions(deps: Deps, staffId: string, now: Date, keep?: string) {
  return deps.db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt), keep ? ne(staffSessions.id, keep) : undefined));
}

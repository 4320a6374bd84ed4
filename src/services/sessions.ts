import { eq } from 'drizzle-orm';
import { accounts, sessions } from '../../db/schema';
import type { AppDeps } from '../deps';
import type { RandomSource } from '../domain/random';
import { sessionPolicies } from '../domain/session-policy';
import { authenticate, newSessionToken, revokeSessionOf, type SessionKind } from './audience-sessions';

export interface SignedInParent {
  accountId: string;
  phone: string;
  sessionId: string;
}

const parentSessions: SessionKind<SignedInParent> = {
  table: sessions,
  policy: sessionPolicies.parent,
  async find(db, where) {
    const [row] = await db
      .select({ session: sessions, phone: accounts.phone })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(where);
    return row
      ? { session: row.session, signedIn: { accountId: row.session.accountId, phone: row.phone, sessionId: row.session.id } }
      : null;
  },
};

/** The parent behind a session token (cookie or bearer). */
export function authenticateParent(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  token: string | null,
  afterResponse: (task: () => Promise<unknown>) => void,
): Promise<SignedInParent> {
  return authenticate(deps, parentSessions, token, afterResponse);
}

/** A new parent session's token (handed out once) and what the row stores: only its hash. */
export function newSession(random: RandomSource, now: Date) {
  return newSessionToken(random, parentSessions.policy, now);
}

export function revokeSession(deps: Pick<AppDeps, 'db' | 'clock'>, sessionId: string) {
  return revokeSessionOf(deps, parentSessions, sessionId);
}

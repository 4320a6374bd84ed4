import { eq, sql } from 'drizzle-orm';
import { preparedStatement } from '../../db/prepared';
import { accounts, sessions, staff } from '../../db/schema';
import type { AppDeps } from '../deps';
import { sessionPolicies } from '../domain/session-policy';
import { authenticate, liveSessionWith, newSessionToken, revokeSessionOf, type SessionKind, type TokenMaker } from './audience-sessions';

export interface SignedInParent {
  accountId: string;
  phone: string;
  sessionId: string;
  /** The agent (代办) who opened this session for the family: each step taken with it names them. */
  agent: { staffId: string; username: string } | null;
}

/**
 * The agent of a session's live mandate (not ended; its expiry is the session's own). Written as SQL so that the main
 * Worker's bundle does not carry the mandates table's definition (decision 032).
 */
const liveMandateAgent = sql`(SELECT staff_id FROM agent_mandates WHERE id = ${sessions.mandateId} AND ended_at IS NULL)`;

/** A parent's session by its token's hash, with the account's phone and the agent of a live mandate. */
const parentSession = preparedStatement(['tokenHash'], (db, p) =>
  db
    .select({
      session: sessions,
      phone: accounts.phone,
      agent: { staffId: staff.id, username: staff.username },
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(staff, eq(staff.id, liveMandateAgent))
    .where(liveSessionWith(sessions, p.tokenHash)),
);

const parentSessions: SessionKind<SignedInParent> = {
  table: sessions,
  policy: sessionPolicies.parent,
  async find(db, tokenHash) {
    const [row] = await parentSession.run(db, { tokenHash });
    // An agent's session lasts as long as its mandate (its expiry is the mandate's) and ends with it.
    if (!row || (row.session.mandateId && !row.agent)) return null;
    const { accountId, id: sessionId } = row.session;
    return { session: row.session, signedIn: { accountId, phone: row.phone, sessionId, agent: row.agent } };
  },
};

/** The parent behind a session token (cookie or bearer). */
export function authenticateParent(
  deps: Pick<AppDeps, 'db' | 'clock' | 'vault'>,
  token: string | null,
  afterResponse: (task: () => Promise<unknown>) => void,
): Promise<SignedInParent> {
  return authenticate(deps, parentSessions, token, afterResponse);
}

/** A new parent session's token (handed out once) and what the row stores: only its hash. */
export function newSession(deps: TokenMaker, now: Date) {
  return newSessionToken(deps, parentSessions.policy, now);
}

export function revokeSession(deps: Pick<AppDeps, 'db' | 'clock'>, sessionId: string) {
  return revokeSessionOf(deps, parentSessions, sessionId);
}

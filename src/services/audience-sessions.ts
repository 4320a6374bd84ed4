import { and, eq, isNull, type Placeholder } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { sessions, staffSessions } from '../../db/schema';
import { randomToken, type Vault } from '../adapters/vault';
import type { AppDeps } from '../deps';
import { DomainError } from '../domain/errors';
import type { RandomSource } from '../domain/random';
import { sessionExpiry, type SessionPolicy, sessionState } from '../domain/session-policy';

/** Parents' `sessions` and staff's `staff_sessions`: the same columns, apart from whose session it is. */
type SessionTable = typeof sessions | typeof staffSessions;

/** One audience's sessions: where they live, their limits and refusals, and who holds them. */
export interface SessionKind<SignedIn> {
  table: SessionTable;
  policy: SessionPolicy;
  /**
   * In one query (a prepared read: `liveSessionWith`), the unrevoked session with this token hash and who is signed in
   * with it; null when there is none or its holder may no longer sign in.
   */
  find(db: Db, tokenHash: string): Promise<{ session: { lastSeenAt: Date; expiresAt: Date }; signedIn: SignedIn } | null>;
}

/** The condition of a session lookup: its token's hash (bound per call), not revoked. */
export function liveSessionWith(table: SessionTable, tokenHash: Placeholder) {
  return and(eq(table.tokenHash, tokenHash), isNull(table.revokedAt));
}

/**
 * Who is signed in with `token`: refused when there is no token, an unknown or revoked one, or one past its absolute
 * or idle expiry. A live session's last-seen time is written after the response, at most every `touchEveryMs`.
 */
export async function authenticate<SignedIn extends { sessionId: string }>(
  deps: Pick<AppDeps, 'db' | 'clock' | 'vault'>,
  kind: SessionKind<SignedIn>,
  token: string | null,
  afterResponse: (task: () => Promise<unknown>) => void,
): Promise<SignedIn> {
  const { required, expired } = kind.policy;
  if (!token) throw new DomainError(required.code, required.message);
  const now = deps.clock.now();
  const found = await kind.find(deps.db, await deps.vault.tokenDigest(token));
  if (!found) throw new DomainError(required.code, required.message);
  const state = sessionState(kind.policy, found.session, now);
  if (!state.live) throw new DomainError(expired.code, expired.message);
  if (state.touch) {
    const { sessionId } = found.signedIn;
    afterResponse(() => deps.db.update(kind.table).set({ lastSeenAt: now }).where(eq(kind.table.id, sessionId)));
  }
  return found.signedIn;
}

/** What makes a session's token and the hash its row keeps (the same digest `authenticate` looks it up by). */
export type TokenMaker = { random: RandomSource; vault: Pick<Vault, 'tokenDigest'> };

/** A new session's token (handed out once) and what its row stores: only the token's hash, and when it ends. */
export async function newSessionToken(deps: TokenMaker, policy: Pick<SessionPolicy, 'maxMs'>, now: Date) {
  const token = randomToken(deps.random);
  return { token, tokenHash: await deps.vault.tokenDigest(token), expiresAt: sessionExpiry(policy, now) };
}

/** Ends one session (signing out). */
export function revokeSessionOf(deps: Pick<AppDeps, 'db' | 'clock'>, kind: Pick<SessionKind<unknown>, 'table'>, sessionId: string) {
  return deps.db.update(kind.table).set({ revokedAt: deps.clock.now() }).where(eq(kind.table.id, sessionId));
}

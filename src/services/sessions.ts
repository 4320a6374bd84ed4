import { and, eq, isNull } from 'drizzle-orm';
import { accounts, sessions } from '../../db/schema';
import type { AppDeps } from '../deps';
import { randomToken, sha256 } from '../adapters/vault';
import { DomainError } from '../domain/errors';
import { signInPolicy } from '../domain/sign-in-policy';

export interface SignedInParent {
  accountId: string;
  phone: string;
  sessionId: string;
}

/** Finds the live session behind a token: not revoked, not past its absolute or idle expiry. */
export async function authenticateParent(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  token: string | null,
  afterResponse: (task: () => Promise<unknown>) => void,
): Promise<SignedInParent> {
  if (!token) throw new DomainError('SIGN_IN_REQUIRED', '请先登录');
  const now = deps.clock.now();
  const [row] = await deps.db.select({ session: sessions, phone: accounts.phone }).from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, await sha256(token)), isNull(sessions.revokedAt)));
  if (!row) throw new DomainError('SIGN_IN_REQUIRED', '请先登录');
  const { session } = row;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince >= signInPolicy.sessionIdleMs) {
    throw new DomainError('SESSION_EXPIRED', '登录已过期，请重新登录');
  }
  if (idleSince >= signInPolicy.touchEveryMs) {
    afterResponse(() => deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id)));
  }
  return { accountId: session.accountId, phone: row.phone, sessionId: session.id };
}

/** A new session's token (handed out once) and what the row stores: only its hash. */
export async function newSession(now: Date) {
  const token = randomToken();
  return { token, tokenHash: await sha256(token), expiresAt: new Date(now.getTime() + signInPolicy.sessionMaxMs) };
}

export function revokeSession(deps: Pick<AppDeps, 'db' | 'clock'>, sessionId: string) {
  return deps.db.update(sessions).set({ revokedAt: deps.clock.now() }).where(eq(sessions.id, sessionId));
}

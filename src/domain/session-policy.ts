import type { DomainErrorCode } from './errors';
import { signInPolicy } from './sign-in-policy';
import { staffPolicy } from './staff-policy';

/** Parents and staff sign in separately: separate tokens, tables, cookies and limits. */
export type SessionAudience = 'parent' | 'staff';

interface Refusal {
  code: DomainErrorCode;
  message: string;
}

export interface SessionPolicy {
  /** A session unused this long has ended. */
  idleMs: number;
  /** A session ends this long after it began, however busy. */
  maxMs: number;
  /** A session's last-seen time is written at most this often. */
  touchEveryMs: number;
  /** No token, an unknown or revoked one, or a holder who may no longer sign in. */
  required: Refusal;
  /** A session past its absolute or idle expiry. */
  expired: Refusal;
}

export const sessionPolicies: Record<SessionAudience, SessionPolicy> = {
  parent: {
    idleMs: signInPolicy.sessionIdleMs,
    maxMs: signInPolicy.sessionMaxMs,
    touchEveryMs: signInPolicy.touchEveryMs,
    required: { code: 'SIGN_IN_REQUIRED', message: '请先登录' },
    expired: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' },
  },
  staff: {
    idleMs: staffPolicy.sessionIdleMs,
    maxMs: staffPolicy.sessionMaxMs,
    touchEveryMs: staffPolicy.touchEveryMs,
    required: { code: 'STAFF_SIGN_IN_REQUIRED', message: '请先登录审核系统' },
    expired: { code: 'STAFF_SIGN_IN_REQUIRED', message: '登录已过期，请重新登录审核系统' },
  },
};

export type SessionState = { live: false } | { live: true; touch: boolean };

/**
 * Whether a (not revoked) session still holds at `now`: not at or past its absolute expiry, not idle for the idle
 * limit; and, when it holds, whether its last-seen time is old enough to be written again.
 */
export function sessionState(
  policy: Pick<SessionPolicy, 'idleMs' | 'touchEveryMs'>,
  session: { expiresAt: Date; lastSeenAt: Date },
  now: Date,
): SessionState {
  const idle = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idle >= policy.idleMs) return { live: false };
  return { live: true, touch: idle >= policy.touchEveryMs };
}

/** When a session begun at `now` ends at the latest. */
export function sessionExpiry(policy: Pick<SessionPolicy, 'maxMs'>, now: Date): Date {
  return new Date(now.getTime() + policy.maxMs);
}

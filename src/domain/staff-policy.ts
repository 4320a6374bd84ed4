/**
 * Staff sign-in: lockout after repeated failures of one username from one address (so an attacker elsewhere cannot
 * lock an administrator out), each lock of that pair longer than the last; and sessions shorter than parents' (desk
 * work, shared PCs).
 */
export const staffPolicy = {
  maxFailedAttempts: 5,
  /** The first lock; each further lock of the same username and address doubles it, up to `maxLockoutMs`. */
  lockoutMs: 15 * 60_000,
  maxLockoutMs: 24 * 60 * 60_000,
  /** A pair without any attempt for this long starts afresh (no failures, no earlier locks). */
  forgetFailuresAfterMs: 24 * 60 * 60_000,
  sessionIdleMs: 30 * 60_000,
  sessionMaxMs: 10 * 60 * 60_000,
  touchEveryMs: 60_000,
  minPasswordLength: 10,
} as const;

/** `agent` (代办员) registers for families without a smartphone (decision 032): no review, no administration. */
export const staffRoleNames = { admin: '管理员', county_reviewer: '教育局审核员', school_reviewer: '学校审核员', agent: '代办员' } as const;
export type StaffRoleCode = keyof typeof staffRoleNames;

/** The roles that may see a full ID number (`review.revealId`, the 录取名单 export); every such view is audited. */
export const idNumberRevealers: readonly StaffRoleCode[] = ['admin', 'county_reviewer', 'school_reviewer'];

/** How long the lock after `earlierLocks` earlier locks of the same username and address lasts: 15 min, 30 min, 1 h, … 24 h. */
export function lockDuration(earlierLocks: number): number {
  const n = Number.isFinite(earlierLocks) ? Math.max(0, Math.floor(earlierLocks)) : 0;
  return Math.min(staffPolicy.maxLockoutMs, staffPolicy.lockoutMs * 2 ** Math.min(n, 20));
}

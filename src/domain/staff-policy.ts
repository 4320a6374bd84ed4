/** Staff sign-in: lockout after repeated failures, and sessions shorter than parents' (desk work, shared PCs). */
export const staffPolicy = {
  maxFailedAttempts: 5,
  lockoutMs: 15 * 60_000,
  sessionIdleMs: 30 * 60_000,
  sessionMaxMs: 10 * 60 * 60_000,
  touchEveryMs: 60_000,
  minPasswordLength: 10,
} as const;

export const staffRoleNames = { admin: '管理员', county_reviewer: '教育局审核员', school_reviewer: '学校审核员' } as const;
export type StaffRoleCode = keyof typeof staffRoleNames;

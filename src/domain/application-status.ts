/**
 * The application's states and who may move it where. Parents submit, withdraw (before the preliminary review
 * passes) and resubmit after a withdrawal or a rejection; the county reviews first (网上初审), then the school
 * (学校审核); admission or placement closes it.
 */
export const applicationStatuses = [
  'draft',
  'submitted',
  'withdrawn',
  'rejected',
  'preliminarily_approved',
  'school_approved',
  'admitted',
  'not_admitted',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const statusNames: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '审核中',
  withdrawn: '已撤回',
  rejected: '已驳回',
  preliminarily_approved: '初审通过',
  school_approved: '学校审核通过',
  admitted: '已录取',
  not_admitted: '未录取',
};

/** `agent`: a desk agent (代办) who took a parent's step for the family (history only: the moves are the parent's). */
export type Actor = 'parent' | 'county_reviewer' | 'school_reviewer' | 'admin' | 'system' | 'agent';

export type ApplicationAction = 'submit' | 'withdraw' | 'reject' | 'approve' | 'school_approve' | 'school_reject' | 'admit' | 'not_admit';

interface Move {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: readonly Actor[];
}

const staff: readonly Actor[] = ['county_reviewer', 'admin'];

/** Every move that exists. Anything not listed is refused. */
export const moves: Record<ApplicationAction, Move> = {
  submit: { from: ['draft', 'withdrawn', 'rejected'], to: 'submitted', by: ['parent'] },
  withdraw: { from: ['submitted'], to: 'withdrawn', by: ['parent'] },
  reject: { from: ['submitted'], to: 'rejected', by: staff },
  approve: { from: ['submitted'], to: 'preliminarily_approved', by: staff },
  school_approve: { from: ['preliminarily_approved'], to: 'school_approved', by: ['school_reviewer', 'admin'] },
  school_reject: { from: ['preliminarily_approved'], to: 'rejected', by: ['school_reviewer', 'admin'] },
  admit: { from: ['school_approved'], to: 'admitted', by: ['admin', 'system'] },
  not_admit: { from: ['preliminarily_approved', 'school_approved'], to: 'not_admitted', by: ['admin', 'system'] },
};

export type MoveCheck = { ok: true; to: ApplicationStatus } | { ok: false; reason: 'not_allowed_for_actor' | 'not_from_this_status' };

export function checkMove(from: ApplicationStatus, action: ApplicationAction, actor: Actor): MoveCheck {
  const move = moves[action];
  if (!move.by.includes(actor)) return { ok: false, reason: 'not_allowed_for_actor' };
  if (!move.from.includes(from)) return { ok: false, reason: 'not_from_this_status' };
  return { ok: true, to: move.to };
}

/** The parent may change the form, the documents and the schools only in these states. */
export const editableStatuses: readonly ApplicationStatus[] = ['draft', 'withdrawn', 'rejected'];

/** Each student may withdraw a submitted application at most twice (guide 二(七)). */
export const maxWithdrawals = 2;

/** Under review or decided: the account that submitted it keeps the child. */
export const statusesThatKeepChildBound: readonly ApplicationStatus[] = [
  'submitted',
  'rejected',
  'preliminarily_approved',
  'school_approved',
  'admitted',
];

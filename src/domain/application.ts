/**
 * The decisions about one application, as pure functions over plain state and `now`: each returns a refusal (a
 * domain error code, the zh-CN message and structured fields) or a change (the target status, the columns to set,
 * the row guard as data, the notice). Services load the state, ask here, then commit the change. Which move exists
 * and who may make it is asked of the state machine (`application-status`) and nowhere else.
 */
import type { MissingItem } from './application-missing';
import { submitAllowed } from './application-rules';
import {
  type Actor,
  type ApplicationAction,
  type ApplicationStatus,
  checkMove,
  editableStatuses,
  maxWithdrawals,
  moves,
  statusNames,
} from './application-status';
import { DomainError, type DomainErrorCode } from './errors';
import { statusNotice } from './notices';
import { maskIdNumbersInText } from './masking';
import {
  type ApplicationSnapshot,
  checkFaults,
  type FaultChoices,
  noFaults,
  type RejectionFaults,
  type RejectionRecord,
  rejectedState,
} from './rejection';
import { maySchoolDecide, secondChoiceReadOnly } from './school-decision';
import type { StaffRoleCode } from './staff-policy';
import { describeWindow, type Window, windowState } from './window';

export interface Refusal {
  ok: false;
  code: DomainErrorCode;
  message: string;
  fields?: Record<string, string[]>;
  missing?: readonly MissingItem[];
  retryAfterSeconds?: number;
}

/** The conditions the row must still meet when the change is written (else the change writes nothing). */
export interface RowGuard {
  version?: number;
  status?: ApplicationStatus;
  /** The status is one of these. */
  statusIn?: readonly ApplicationStatus[];
  /** `withdraw_count < withdrawCountBelow` */
  withdrawCountBelow?: number;
  /** The application still belongs to this account (a granted binding claim moves it). */
  accountId?: string;
}

export interface Change<Set> {
  ok: true;
  repeat?: false;
  from: ApplicationStatus;
  to: ApplicationStatus;
  set: Set;
  guard: RowGuard;
  notice: { title: string; body: string };
  /** The reason recorded with the move (a rejection's). */
  reason?: string | null;
  /** The audit entry a staff decision leaves. */
  audit?: { action: ApplicationAction; detail: Record<string, unknown> };
}

/** The same request again after it went through: answer as before, write nothing. */
export interface Repeat {
  ok: true;
  repeat: true;
}

export type Decision<Set> = Refusal | Change<Set>;

export const refuse = (code: DomainErrorCode, message: string, extra: Omit<Refusal, 'ok' | 'code' | 'message'> = {}): Refusal => ({
  ok: false,
  code,
  message,
  ...extra,
});

/** The staff roles the state machine lets make `action` (for the routers' access checks). */
export function rolesFor(action: ApplicationAction): StaffRoleCode[] {
  const staffRoles: readonly Actor[] = ['admin', 'county_reviewer', 'school_reviewer'];
  return moves[action].by.filter((actor): actor is StaffRoleCode => staffRoles.includes(actor));
}

/** The facts that decide whether the parent may still change or submit the application. */
export interface EditState {
  status: ApplicationStatus;
  window: Window;
  /** When the application was last rejected (only read when it is rejected). */
  rejectedAt: Date | null;
  now: Date;
}

const lockedRefusal = (status: ApplicationStatus) =>
  refuse('APPLICATION_LOCKED', `报名当前状态为“${statusNames[status]}”，不能修改${status === 'submitted' ? '；如需修改，请先撤回' : ''}`);

function timeRefusal(s: EditState): Refusal | null {
  const allowed = submitAllowed(s.status, s.window, s.now, s.rejectedAt);
  if (allowed.ok) return null;
  if (allowed.reason === 'deadline') return refuse('CORRECTION_DEADLINE_PASSED', '已超过驳回后的修改期限，不能再修改或提交');
  return refuse('WINDOW_CLOSED', `不在报名时间内。报名时间为 ${describeWindow(s.window)}`);
}

/**
 * May the parent change the form, documents or schools? Only a draft, withdrawn or rejected application, inside
 * the window — or, after a rejection, before the correction deadline. Null when allowed.
 */
export function editRefusal(s: EditState): Refusal | null {
  if (!editableStatuses.includes(s.status)) return lockedRefusal(s.status);
  return timeRefusal(s);
}

/** What the notice names: the application's number and the child's name. */
export interface NoticeFacts {
  number: string;
  childName: string;
}

export interface SubmitState extends NoticeFacts, EditState {
  actor: Actor;
  version: number;
  /** The version the parent previewed and submits. */
  requestedVersion: number;
  missing: readonly MissingItem[];
}

/**
 * 提交: exactly the version the parent previewed, only from a state the machine allows, inside the window (after a
 * rejection: before the correction deadline), and only when nothing is missing.
 */
export function decideSubmit(s: SubmitState): Decision<{ submittedAt: Date; rejectReason: null }> | Repeat {
  if (s.status === 'submitted' && s.version === s.requestedVersion + 1) return { ok: true, repeat: true };
  if (s.version !== s.requestedVersion) return refuse('APPLICATION_CHANGED', '报名信息已在别处更新，请重新预览后再提交');
  const move = checkMove(s.status, 'submit', s.actor);
  if (!move.ok)
    return move.reason === 'not_allowed_for_actor' ? refuse('STAFF_FORBIDDEN', '您的角色无权执行此操作') : lockedRefusal(s.status);
  const late = timeRefusal(s);
  if (late) return late;
  if (s.missing.length) {
    const labels = s.missing.map((m) => m.label);
    return refuse('APPLICATION_INCOMPLETE', `还有未完成的内容：${labels.join('；')}`, { fields: { missing: labels }, missing: s.missing });
  }
  return {
    ok: true,
    from: s.status,
    to: move.to,
    set: { submittedAt: s.now, rejectReason: null },
    guard: { version: s.version },
    notice: statusNotice(move.to, s),
  };
}

export interface WithdrawState extends NoticeFacts {
  actor: Actor;
  status: ApplicationStatus;
  version: number;
  withdrawCount: number;
  window: Window;
  now: Date;
}

/**
 * 撤回: only a move the machine allows (审核中, not yet through the preliminary review), at most `maxWithdrawals`
 * times per student, inside the window. The guard repeats status and count so concurrent withdrawals cannot pass it.
 */
export function decideWithdraw(s: WithdrawState): Decision<{ withdrawCount: number }> {
  if (s.status === 'withdrawn') return refuse('APPLICATION_CHANGED', '该报名已撤回，请勿重复操作');
  const move = checkMove(s.status, 'withdraw', s.actor);
  if (!move.ok) {
    if (move.reason === 'not_allowed_for_actor') return refuse('STAFF_FORBIDDEN', '您的角色无权执行此操作');
    return refuse(
      'WITHDRAW_NOT_ALLOWED',
      s.status === 'draft' ? '报名尚未提交，无需撤回' : `报名当前状态为“${statusNames[s.status]}”，已不能自主撤回`,
    );
  }
  if (s.withdrawCount >= maxWithdrawals) return refuse('WITHDRAW_LIMIT', `每个学生仅有${maxWithdrawals}次撤回机会，已达撤回次数上限`);
  if (windowState(s.window, s.now) !== 'open')
    return refuse('WINDOW_CLOSED', `不在报名时间内，不能撤回。报名时间为 ${describeWindow(s.window)}`);
  return {
    ok: true,
    from: s.status,
    to: move.to,
    set: { withdrawCount: s.withdrawCount + 1 },
    guard: { version: s.version, status: s.status, withdrawCountBelow: maxWithdrawals },
    notice: statusNotice(move.to, s),
  };
}

/** The refusal as the error the API maps. */
export function refusalError(r: Refusal): DomainError {
  return new DomainError(r.code, r.message, r.fields, r.retryAfterSeconds, r.missing);
}

/** The change a decision allowed; a refusal is thrown as its error. */
export function orRefuse<T extends { ok: true }>(decision: Refusal | T): T {
  if (decision.ok === false) throw refusalError(decision);
  return decision;
}

export type ReviewAction = Exclude<ApplicationAction, 'submit' | 'withdraw'>;

export interface ReviewState extends NoticeFacts {
  action: ReviewAction;
  /** A staff member (audited) or the system (placement). */
  decider: { kind: 'staff'; role: StaffRoleCode; schoolId: string | null } | { kind: 'system' };
  status: ApplicationStatus;
  version: number;
  /** The version the reviewer saw, when the page sent it. */
  requestedVersion?: number;
  firstSchoolId: string | null;
  /** The reviewer's text as typed. */
  reason?: string | null;
  /** A rejection's fields and documents at fault, as the reviewer ticked them. */
  faults?: RejectionFaults;
  /** What may be marked at fault on this application. */
  faultChoices?: FaultChoices;
  /** The application as it stands, recorded with a rejection. */
  snapshot?: ApplicationSnapshot;
  now?: Date;
}

/**
 * A review decision (初审通过, 驳回, 学校审核…): the move must exist for this actor and this status, a school decision
 * only by the first-choice school, a rejection needs a reason (an ID number typed into it is masked).
 */
export function decideReview(s: ReviewState): Decision<{ rejectReason?: string | null; rejection?: RejectionRecord }> {
  const actor: Actor = s.decider.kind === 'system' ? 'system' : s.decider.role;
  if (s.decider.kind === 'staff' && !maySchoolDecide(s.decider, s, s.action)) return refuse('STAFF_FORBIDDEN', secondChoiceReadOnly);
  if (s.requestedVersion !== undefined && s.requestedVersion !== s.version) return refuse('APPLICATION_CHANGED', '该申请已被他人处理');
  const move = checkMove(s.status, s.action, actor);
  if (!move.ok) {
    if (move.reason === 'not_allowed_for_actor') return refuse('STAFF_FORBIDDEN', '您的角色无权执行此操作');
    return refuse('APPLICATION_CHANGED', `该申请当前状态为“${statusNames[s.status]}”，不能执行此操作`);
  }
  const rejecting = move.to === 'rejected';
  const reason = maskIdNumbersInText(s.reason?.trim() ?? '') || null;
  if (rejecting && !reason) return refuse('INVALID_INPUT', '驳回须填写原因', { fields: { reason: ['驳回须填写原因'] } });
  const faults = checkFaults(s.faults ?? noFaults, s.faultChoices ?? { fields: [], documents: [] });
  if (!faults.ok) return refuse('INVALID_INPUT', faults.message, { fields: faults.fields });
  const rejection: RejectionRecord | undefined =
    rejecting && reason && s.snapshot && s.now
      ? { at: s.now.toISOString(), reason, faults: faults.faults, before: rejectedState(s.snapshot) }
      : undefined;
  return {
    ok: true,
    from: s.status,
    to: move.to,
    set: rejecting ? { rejectReason: reason, ...(rejection ? { rejection } : {}) } : {},
    guard: { version: s.version },
    notice: statusNotice(move.to, { ...s, reason }),
    reason,
    audit:
      s.decider.kind === 'staff'
        ? {
            action: s.action,
            detail: {
              from: s.status,
              to: move.to,
              ...(reason ? { reason } : {}),
              ...(rejection && (rejection.faults.fields.length || rejection.faults.documents.length) ? { faults: rejection.faults } : {}),
            },
          }
        : undefined,
  };
}

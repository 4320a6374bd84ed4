import type { AppDeps } from '../../deps';
import { type Actor, type ApplicationAction, checkMove, statusNames } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { maskIdNumbersInText } from '../../domain/masking';
import { auditStatement } from '../audit';
import { loadApplication } from '../applications/load';
import { transitionStatements } from '../applications/transition';
import { sendNow } from '../outbox';
import type { SignedInStaff } from '../staff/sessions';
import { inScope } from './scope';
import { maySchoolDecide, secondChoiceReadOnly } from '../../domain/school-decision';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'sms' | 'log'>;

export type Decision = Exclude<ApplicationAction, 'submit' | 'withdraw'>;

/** Who decides: a signed-in staff member (audited) or the system (placement). */
export type Decider =
  | { kind: 'staff'; member: SignedInStaff; ip: string | null; requestId: string | null }
  | { kind: 'system' };

const actorOf = (d: Decider): Exclude<Actor, 'parent'> => (d.kind === 'system' ? 'system' : d.member.role);

/**
 * A reviewer's decision (初审通过, 驳回, 学校审核…): the move must exist for this role and this status, a school
 * reviewer only decides applications naming the school, a rejection needs a reason. Optimistic: of two reviewers
 * deciding at once, one wins and the other gets CONFLICT 该申请已被他人处理. State, history, audit entry, message
 * and SMS are one batch.
 */
export async function decide(
  deps: Deps,
  decider: Decider,
  input: { applicationId: string; action: Decision; reason?: string | null; version?: number },
  defer: (task: () => Promise<unknown>) => void,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await loadApplication(db, input.applicationId);
  if (!loaded || loaded.application.status === 'draft') throw new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');
  if (decider.kind === 'staff' && !inScope(decider.member, loaded.application)) throw new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');
  const { application } = loaded;
  if (decider.kind === 'staff' && !maySchoolDecide(decider.member, application, input.action)) {
    throw new DomainError('STAFF_FORBIDDEN', secondChoiceReadOnly);
  }
  if (input.version !== undefined && input.version !== application.version) throw new DomainError('APPLICATION_CHANGED', '该申请已被他人处理');
  const move = checkMove(application.status, input.action, actorOf(decider));
  if (!move.ok) {
    if (move.reason === 'not_allowed_for_actor') throw new DomainError('STAFF_FORBIDDEN', '您的角色无权执行此操作');
    throw new DomainError('APPLICATION_CHANGED', `该申请当前状态为“${statusNames[application.status]}”，不能执行此操作`);
  }
  const rejecting = move.to === 'rejected';
  // Staff free text: an ID number typed into it is masked before it reaches any table, message or SMS.
  const reason = maskIdNumbersInText(input.reason?.trim() ?? '') || null;
  if (rejecting && !reason) throw new DomainError('INVALID_INPUT', '驳回须填写原因', { reason: ['驳回须填写原因'] });
  const { statements, key, won } = transitionStatements(db, loaded, {
    to: move.to, actor: actorOf(decider), actorId: decider.kind === 'staff' ? decider.member.staffId : null, reason, now,
    set: rejecting ? { rejectReason: reason } : {},
  });
  const audit = decider.kind === 'staff'
    ? [auditStatement(db, {
      staffId: decider.member.staffId, username: decider.member.username, action: input.action, applicationId: application.id,
      detail: { from: application.status, to: move.to, ...(reason ? { reason } : {}) }, ip: decider.ip, requestId: decider.requestId, at: now,
    }, won)]
    : [];
  const [updated] = await db.batch([...statements, ...audit]);
  if (updated.rowsAffected === 0) throw new DomainError('APPLICATION_CHANGED', '该申请已被他人处理');
  defer(() => sendNow(deps, [key]));
  return { applicationId: application.id, number: application.number, status: move.to, statusName: statusNames[move.to], version: application.version + 1 };
}

/**
 * 批量初审通过: each application decided on its own (its own batch, audit entry and notice); a refusal of one is
 * reported with its reason and does not stop the others.
 */
export async function bulkApprove(
  deps: Deps,
  decider: Decider,
  applicationIds: readonly string[],
  defer: (task: () => Promise<unknown>) => void,
) {
  const results: ({ applicationId: string; ok: true; status: string } | { applicationId: string; ok: false; message: string })[] = [];
  for (const applicationId of applicationIds) {
    try {
      const done = await decide(deps, decider, { applicationId, action: 'approve' }, defer);
      results.push({ applicationId, ok: true, status: done.status });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ applicationId, ok: false, message: error.message });
    }
  }
  return { approved: results.filter((r) => r.ok).length, results };
}

import type { AppDeps } from '../../api/context';
import { type Actor, type ApplicationAction, checkMove, statusNames } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { loadApplication } from '../applications/load';
import { transitionStatements } from '../applications/transition';
import { sendNow } from '../outbox';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'sms' | 'log'>;

export interface Reviewer { actor: Exclude<Actor, 'parent'>; actorId: string | null }

/**
 * A reviewer's decision on an application (初审通过, 驳回, 学校审核…): the move must exist for this reviewer and
 * this status; a rejection needs a reason. Optimistic: of two reviewers deciding at once, one wins and the other
 * gets CONFLICT 该申请已被他人处理. State, history, message and SMS are one batch.
 */
export async function decide(
  deps: Deps,
  reviewer: Reviewer,
  input: { applicationId: string; action: Exclude<ApplicationAction, 'submit' | 'withdraw'>; reason?: string | null; version?: number },
  defer: (task: () => Promise<unknown>) => void,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await loadApplication(db, input.applicationId);
  if (!loaded) throw new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');
  const { application } = loaded;
  if (input.version !== undefined && input.version !== application.version) {
    throw new DomainError('APPLICATION_CHANGED', '该申请已被他人处理');
  }
  const move = checkMove(application.status, input.action, reviewer.actor);
  if (!move.ok) {
    throw new DomainError('APPLICATION_CHANGED', move.reason === 'not_from_this_status'
      ? `该申请当前状态为“${statusNames[application.status]}”，不能执行此操作` : '无权执行此操作');
  }
  const rejecting = move.to === 'rejected';
  const reason = input.reason?.trim() || null;
  if (rejecting && !reason) throw new DomainError('INVALID_INPUT', '驳回须填写原因', { reason: ['驳回须填写原因'] });
  const { statements, key } = transitionStatements(db, loaded, {
    to: move.to, actor: reviewer.actor, actorId: reviewer.actorId, reason, now,
    set: rejecting ? { rejectReason: reason } : {},
  });
  const [updated] = await db.batch(statements);
  if (updated.rowsAffected === 0) throw new DomainError('APPLICATION_CHANGED', '该申请已被他人处理');
  defer(() => sendNow(deps, [key]));
  return { applicationId: application.id, status: move.to, version: application.version + 1 };
}

import type { AppDeps } from '../../deps';
import { decideReview, type ReviewAction, type ReviewState, refusalError } from '../../domain/application';
import { type IntegrationKeyPrincipal, requireSchool } from '../../domain/integration-key';
import { type Actor, statusNames } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { auditStatement } from '../audit';
import { loadApplication } from '../applications/load';
import { commitTransition } from '../applications/commit';
import { snapshotOf } from '../applications/snapshot';
import { faultChoices, type RejectionFaults } from '../../domain/rejection';
import { sendNow } from '../outbox';
import type { SignedInStaff } from '../staff/sessions';
import { inScope } from '../../domain/review-scope';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'sms' | 'log'>;

export type Decision = ReviewAction;

/**
 * Who decides: a signed-in staff member (audited), a school's system through an integration key (audited with the
 * key; it decides as the school does) or the system (placement).
 */
export type Decider =
  | { kind: 'staff'; member: SignedInStaff; ip: string | null; requestId: string | null }
  | { kind: 'key'; key: IntegrationKeyPrincipal; ip: string | null; requestId: string | null }
  | { kind: 'system' };

const actorOf = (d: Decider): Exclude<Actor, 'parent'> =>
  d.kind === 'system' ? 'system' : d.kind === 'key' ? 'school_reviewer' : d.member.role;

/** The decider as the rules see it: a key decides as a reviewer of its school (or of the first choice, for a key of every school). */
function ruleDecider(d: Decider, firstSchoolId: string | null): ReviewState['decider'] {
  if (d.kind === 'system') return d;
  if (d.kind === 'key') return { kind: 'staff', role: 'school_reviewer', schoolId: d.key.schoolId ?? firstSchoolId };
  return { kind: 'staff', role: d.member.role, schoolId: d.member.schoolId };
}

/** Who the audit entry names: the staff member, or the key (by its name). */
function auditActor(d: Exclude<Decider, { kind: 'system' }>) {
  return d.kind === 'key'
    ? { staffId: null, username: d.key.name, key: { keyId: d.key.keyId, schoolId: d.key.schoolId } }
    : { staffId: d.member.staffId, username: d.member.username };
}

/**
 * A reviewer's decision (初审通过, 驳回, 学校审核…): the move must exist for this role and this status, a school
 * reviewer only decides applications naming the school, a rejection needs a reason. Optimistic: of two reviewers
 * deciding at once, one wins and the other gets CONFLICT 该申请已被他人处理. State, history, audit entry, message
 * and SMS are one batch.
 */
export async function decide(
  deps: Deps,
  decider: Decider,
  input: { applicationId: string; action: Decision; reason?: string | null; version?: number; faults?: RejectionFaults },
  defer: (task: () => Promise<unknown>) => void,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await loadApplication(db, input.applicationId);
  if (!loaded || loaded.application.status === 'draft') throw new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');
  if (decider.kind === 'staff' && !inScope(decider.member, loaded.application))
    throw new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');
  if (decider.kind === 'key') requireSchool(decider.key, loaded.application.firstSchoolId);
  const { application } = loaded;
  const rejecting = input.action === 'reject' || input.action === 'school_reject';

  const decision = decideReview({
    action: input.action,
    status: application.status,
    version: application.version,
    requestedVersion: input.version,
    firstSchoolId: application.firstSchoolId,
    reason: input.reason,
    faults: input.faults,
    faultChoices: faultChoices(loaded.entry.code, loaded.channel, application.form, application.sibling !== null),
    snapshot: rejecting ? await snapshotOf(db, application) : undefined,
    now,
    number: application.number,
    childName: loaded.child.name,
    decider: ruleDecider(decider, application.firstSchoolId),
  });
  if (!decision.ok) throw refusalError(decision);

  const { audit } = decision;
  const { won, key } = await commitTransition(deps, loaded, {
    to: decision.to,
    actor: actorOf(decider),
    actorId: decider.kind === 'staff' ? decider.member.staffId : null,
    reason: decision.reason,
    now,
    set: decision.set,
    guard: decision.guard,
    notice: decision.notice,
    followUps: (won) =>
      decider.kind !== 'system' && audit
        ? [
            auditStatement(
              db,
              {
                ...auditActor(decider),
                action: audit.action,
                applicationId: application.id,
                detail: audit.detail,
                ip: decider.ip,
                requestId: decider.requestId,
                at: now,
              },
              won,
            ),
          ]
        : [],
  });
  if (!won) throw new DomainError('APPLICATION_CHANGED', '该申请已被他人处理');
  defer(() => sendNow(deps, [key]));
  return {
    applicationId: application.id,
    number: application.number,
    status: decision.to,
    statusName: statusNames[decision.to],
    version: application.version + 1,
  };
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

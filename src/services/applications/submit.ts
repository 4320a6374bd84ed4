import { sendBatch } from '../../../db/prepared';
import type { AppDeps } from '../../deps';
import { type MissingItem, whatIsMissing } from '../../domain/application-missing';
import { uploadedSides } from '../../domain/document-sides';
import { decideSubmit, decideWithdraw, refusalError } from '../../domain/application';
import { maxWithdrawals } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { type DocumentView, documentKindsRead } from '../documents';
import { sendClaimed, sendNow } from '../outbox';
import { runVerification, verificationJob } from '../verification';
import { lastRejectedRead } from './guards';
import { type LoadedApplication, ownApplication, ownedBy, submissionRead } from './load';
import { commitTransition } from './commit';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'sms' | 'log' | 'vault' | 'records' | 'recordsSource' | 'rush'>;
type Defer = (task: () => Promise<unknown>) => void;

/** What the loaded application still lacks, given its documents on file (the rule is `domain/application-missing`). */
export function missingOf(
  loaded: {
    application: Pick<LoadedApplication['application'], 'form' | 'firstSchoolId' | 'secondSchoolId' | 'sibling'>;
    entry: Pick<LoadedApplication['entry'], 'code'>;
    channel: Pick<NonNullable<LoadedApplication['channel']>, 'code' | 'eligibility' | 'documents'> | null;
  },
  files: readonly Pick<DocumentView, 'kind' | 'side'>[],
): MissingItem[] {
  const { application, channel } = loaded;
  return whatIsMissing(
    {
      entry: loaded.entry.code,
      channel,
      form: application.form,
      firstSchoolId: application.firstSchoolId,
      secondSchoolId: application.secondSchoolId,
      sibling: Boolean(application.sibling),
    },
    new Set(files.map((f) => f.kind)),
    uploadedSides(files),
  );
}

/**
 * Submits exactly what the parent previewed (`version`). Completeness is checked first; state, history, message and
 * SMS are one batch. A double tap or a retry of a submission that went through answers with the same result and
 * writes nothing more; any other change in between answers CONFLICT. In a rush (`deps.rush`, decision 029) the SMS and
 * the system checks are left to the sweeper, which takes them in groups; otherwise they start right after the answer.
 */
export async function submitApplication(
  deps: Deps,
  accountId: string,
  input: { applicationId: string; version: number },
  defer: Defer,
  agentId?: string,
) {
  return submitOnce(deps, accountId, input, defer, deps.rush?.inRush() ?? false, agentId);
}

/**
 * What a submission needs, read in one round trip: the application, its last rejection and its documents' kinds.
 */
async function loadForSubmit(db: Deps['db'], accountId: string, applicationId: string) {
  const [[row], [rejected], files] = await sendBatch(db, [
    submissionRead.with({ applicationId }),
    lastRejectedRead.with({ applicationId }),
    documentKindsRead.with({ applicationId }),
  ]);
  const loaded = ownedBy(accountId, row);
  return { loaded, rejectedAt: loaded.application.status === 'rejected' ? (rejected?.at ?? null) : null, files };
}

async function submitOnce(
  deps: Deps,
  accountId: string,
  input: { applicationId: string; version: number },
  defer: Defer,
  rush: boolean,
  agentId?: string,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const { loaded, rejectedAt, files } = await loadForSubmit(db, accountId, input.applicationId);
  const { application, window } = loaded;
  const missing = missingOf(loaded, files);
  // Outside a rush the SMS and the checks go right after the answer, claimed in the submission's own batch.
  const claimant = `now:${newId(deps.random)}`;

  const decision = decideSubmit({
    actor: 'parent',
    status: application.status,
    version: application.version,
    requestedVersion: input.version,
    window,
    rejectedAt,
    missing,
    now,
    number: application.number,
    childName: loaded.child.name,
  });
  if (!decision.ok) throw refusalError(decision);
  if (decision.repeat) return submittedView(application);

  const { won, sms } = await commitTransition(deps, loaded, {
    to: decision.to,
    ...stepBy(accountId, agentId),
    now,
    set: decision.set,
    guard: decision.guard,
    notice: decision.notice,
    followUps: (_won, won) => [verificationJob(application.id, now, rush ? undefined : { claimedBy: claimant, onlyIf: won })],
    smsClaimedBy: rush ? undefined : claimant,
  });
  if (!won) {
    const again = await ownApplication(db, accountId, input.applicationId);
    if (again.application.status === 'submitted' && again.application.version === input.version + 1)
      return submittedView(again.application);
    throw new DomainError('APPLICATION_CHANGED', '报名信息已在别处更新，请重新预览后再提交');
  }
  // `sms` is the SMS row written claimed, outside a rush only; in a rush the sweeper takes it with the checks.
  if (sms) {
    defer(() => sendClaimed(deps, [sms], claimant));
    defer(() => runVerification(deps, application.id, claimant, true));
  } else deps.rush?.deferred();
  return submittedView({ ...application, version: application.version + 1, submittedAt: now });
}

/** Who the history names for a parent's step: the parent, or the agent (代办) who took it for them. */
const stepBy = (accountId: string, agentId: string | undefined) =>
  agentId ? { actor: 'agent' as const, actorId: agentId } : { actor: 'parent' as const, actorId: accountId };

function submittedView(a: { id: string; number: string; version: number; submittedAt: Date | null }) {
  return {
    applicationId: a.id,
    number: a.number,
    status: 'submitted' as const,
    version: a.version,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    message: '报名信息提交成功',
  };
}

/**
 * 撤回 (the rule is `domain/application` `decideWithdraw`). The count and the status are conditions of the UPDATE
 * itself, so concurrent withdrawals cannot pass the limit: one wins, the rest get CONFLICT.
 */
export async function withdrawApplication(deps: Deps, accountId: string, input: { applicationId: string }, defer: Defer, agentId?: string) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await ownApplication(db, accountId, input.applicationId);
  const { application, window } = loaded;

  const decision = decideWithdraw({
    actor: 'parent',
    status: application.status,
    version: application.version,
    withdrawCount: application.withdrawCount,
    window,
    now,
    number: application.number,
    childName: loaded.child.name,
  });
  if (!decision.ok) throw refusalError(decision);

  const { won, key } = await commitTransition(deps, loaded, {
    to: decision.to,
    ...stepBy(accountId, agentId),
    now,
    set: decision.set,
    guard: decision.guard,
    notice: decision.notice,
  });
  if (!won) throw new DomainError('APPLICATION_CHANGED', '报名状态已变化（可能已在别处撤回），请刷新后查看');
  defer(() => sendNow(deps, [key]));
  return {
    applicationId: application.id,
    status: 'withdrawn' as const,
    version: application.version + 1,
    withdrawalsLeft: maxWithdrawals - decision.set.withdrawCount,
  };
}

import { and, eq, lt } from 'drizzle-orm';
import { applications } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { type MissingItem, whatIsMissing } from '../../domain/application-missing';
import { maxWithdrawals, statusNames } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { describeWindow, windowState } from '../../domain/window';
import { listDocuments } from '../documents';
import { sendNow } from '../outbox';
import { runVerification, verificationJob } from '../verification';
import { assertEditable } from './guards';
import { type LoadedApplication, ownApplication } from './load';
import { transitionStatements } from './transition';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'sms' | 'log' | 'vault' | 'records' | 'recordsSource'>;
type Defer = (task: () => Promise<unknown>) => void;

/** What the loaded application still lacks, given the document kinds on file (the rule is `domain/application-missing`). */
export function missingOf(loaded: LoadedApplication, uploaded: ReadonlySet<string>): MissingItem[] {
  const { application, channel } = loaded;
  return whatIsMissing({
    channel, form: application.form, firstSchoolId: application.firstSchoolId, secondSchoolId: application.secondSchoolId, sibling: Boolean(application.sibling),
  }, uploaded);
}

/**
 * Submits exactly what the parent previewed (`version`). Completeness is checked first; state, history, message and
 * SMS are one batch. A double tap or a retry of a submission that went through answers with the same result and
 * writes nothing more; any other change in between answers CONFLICT.
 */
export async function submitApplication(deps: Deps, accountId: string, input: { applicationId: string; version: number }, defer: Defer) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await ownApplication(db, accountId, input.applicationId);
  const { application } = loaded;
  if (application.status === 'submitted' && application.version === input.version + 1) return submittedView(application);
  if (application.version !== input.version) throw new DomainError('APPLICATION_CHANGED', '报名信息已在别处更新，请重新预览后再提交');
  await assertEditable(db, loaded, now);
  const missing = missingOf(loaded, new Set((await listDocuments(db, application.id)).map((d) => d.kind)));
  if (missing.length) {
    const labels = missing.map((m) => m.label);
    throw new DomainError('APPLICATION_INCOMPLETE', `还有未完成的内容：${labels.join('；')}`, { missing: labels }, undefined, missing);
  }

  const { statements, key } = transitionStatements(db, loaded, {
    to: 'submitted', actor: 'parent', actorId: accountId, now, set: { submittedAt: now, rejectReason: null },
  });
  const [updated] = await db.batch([...statements, verificationJob(db, application.id, now)]);
  if (updated.rowsAffected === 0) {
    const again = await ownApplication(db, accountId, input.applicationId);
    if (again.application.status === 'submitted' && again.application.version === input.version + 1) return submittedView(again.application);
    throw new DomainError('APPLICATION_CHANGED', '报名信息已在别处更新，请重新预览后再提交');
  }
  defer(() => sendNow(deps, [key]));
  defer(() => runVerification(deps, application.id));
  return submittedView({ ...application, version: application.version + 1, submittedAt: now });
}

function submittedView(a: { id: string; number: string; version: number; submittedAt: Date | null }) {
  return { applicationId: a.id, number: a.number, status: 'submitted' as const, version: a.version, submittedAt: a.submittedAt?.toISOString() ?? null, message: '报名信息提交成功' };
}

/**
 * 撤回: at most twice per student, only while the application is 审核中 (not yet through the preliminary review) and
 * the window is open. The count and the status are conditions of the UPDATE itself, so concurrent withdrawals
 * cannot pass the limit: one wins, the rest get CONFLICT.
 */
export async function withdrawApplication(deps: Deps, accountId: string, input: { applicationId: string }, defer: Defer) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await ownApplication(db, accountId, input.applicationId);
  const { application, window } = loaded;
  if (application.status === 'withdrawn') throw new DomainError('APPLICATION_CHANGED', '该报名已撤回，请勿重复操作');
  if (application.status !== 'submitted') {
    throw new DomainError('WITHDRAW_NOT_ALLOWED', application.status === 'draft'
      ? '报名尚未提交，无需撤回'
      : `报名当前状态为“${statusNames[application.status]}”，已不能自主撤回`);
  }
  if (application.withdrawCount >= maxWithdrawals) throw new DomainError('WITHDRAW_LIMIT', `每个学生仅有${maxWithdrawals}次撤回机会，已达撤回次数上限`);
  if (windowState(window, now) !== 'open') throw new DomainError('WINDOW_CLOSED', `不在报名时间内，不能撤回。报名时间为 ${describeWindow(window)}`);

  const { statements, key } = transitionStatements(db, loaded, {
    to: 'withdrawn', actor: 'parent', actorId: accountId, now,
    set: { withdrawCount: application.withdrawCount + 1 },
    when: and(eq(applications.status, 'submitted'), lt(applications.withdrawCount, maxWithdrawals)),
  });
  const [updated] = await db.batch(statements);
  if (updated.rowsAffected === 0) throw new DomainError('APPLICATION_CHANGED', '报名状态已变化（可能已在别处撤回），请刷新后查看');
  defer(() => sendNow(deps, [key]));
  return { applicationId: application.id, status: 'withdrawn' as const, version: application.version + 1, withdrawalsLeft: maxWithdrawals - application.withdrawCount - 1 };
}

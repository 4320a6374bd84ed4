import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applicationHistory } from '../../../db/schema';
import { submitAllowed } from '../../domain/application-rules';
import { editableStatuses, statusNames } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { describeWindow } from '../../domain/window';
import type { LoadedApplication } from './load';

/** When the application was last rejected (the correction deadline counts from then). */
export async function lastRejectedAt(db: Db, applicationId: string): Promise<Date | null> {
  const [row] = await db.select({ at: applicationHistory.at }).from(applicationHistory)
    .where(and(eq(applicationHistory.applicationId, applicationId), eq(applicationHistory.toStatus, 'rejected')))
    .orderBy(desc(applicationHistory.version)).limit(1);
  return row?.at ?? null;
}

/**
 * Refuses a change to the form, documents or schools (and a submission) unless the application is a draft,
 * withdrawn or rejected, inside the window — or, after a rejection, before the correction deadline.
 */
export async function assertEditable(db: Db, loaded: LoadedApplication, now: Date): Promise<void> {
  const { application, window } = loaded;
  if (!editableStatuses.includes(application.status)) {
    throw new DomainError('APPLICATION_LOCKED', `报名当前状态为“${statusNames[application.status]}”，不能修改${application.status === 'submitted' ? '；如需修改，请先撤回' : ''}`);
  }
  const rejectedAt = application.status === 'rejected' ? await lastRejectedAt(db, application.id) : null;
  const allowed = submitAllowed(application.status, window, now, rejectedAt);
  if (allowed.ok) return;
  if (allowed.reason === 'deadline') {
    throw new DomainError('CORRECTION_DEADLINE_PASSED', '已超过驳回后的修改期限，不能再修改或提交');
  }
  throw new DomainError('WINDOW_CLOSED', `不在报名时间内。报名时间为 ${describeWindow(window)}`);
}


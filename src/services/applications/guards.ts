import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applicationHistory } from '../../../db/schema';
import { editRefusal, refusalError } from '../../domain/application';
import type { LoadedApplication } from './load';

/** When the application was last rejected (the correction deadline counts from then). */
export async function lastRejectedAt(db: Db, applicationId: string): Promise<Date | null> {
  const [row] = await db.select({ at: applicationHistory.at }).from(applicationHistory)
    .where(and(eq(applicationHistory.applicationId, applicationId), eq(applicationHistory.toStatus, 'rejected')))
    .orderBy(desc(applicationHistory.version)).limit(1);
  return row?.at ?? null;
}

/**
 * Refuses a change to the form, documents or schools (the rule is `domain/application` `editRefusal`).
 */
export async function assertEditable(db: Db, loaded: LoadedApplication, now: Date): Promise<void> {
  const { application, window } = loaded;
  const rejectedAt = application.status === 'rejected' ? await lastRejectedAt(db, application.id) : null;
  const refusal = editRefusal({ status: application.status, window, rejectedAt, now });
  if (refusal) throw refusalError(refusal);
}

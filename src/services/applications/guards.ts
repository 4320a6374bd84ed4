import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { preparedStatement } from '../../../db/prepared';
import { applicationHistory } from '../../../db/schema';
import type { EditFacts } from '../../domain/application-edit';
import type { LoadedApplication } from './load';

/** When the application was last rejected, as a prepared read (alone or in a `sendBatch`): see `lastRejectedAt`. */
export const lastRejectedRead = preparedStatement(['applicationId'], (db, p) =>
  db
    .select({ at: applicationHistory.at })
    .from(applicationHistory)
    .where(and(eq(applicationHistory.applicationId, p.applicationId), eq(applicationHistory.toStatus, 'rejected')))
    .orderBy(desc(applicationHistory.version))
    .limit(1),
);

/** When the application was last rejected (the correction deadline counts from then). */
export async function lastRejectedAt(db: Db, applicationId: string): Promise<Date | null> {
  const [row] = await lastRejectedRead.run(db, { applicationId });
  return row?.at ?? null;
}

/** What `decideEdit` needs of a loaded application (the last rejection is read only when it is rejected). */
export async function editFacts(db: Db, loaded: LoadedApplication, now: Date): Promise<EditFacts> {
  const { application, window } = loaded;
  const rejectedAt = application.status === 'rejected' ? await lastRejectedAt(db, application.id) : null;
  return { status: application.status, accountId: application.accountId, window, rejectedAt, now };
}

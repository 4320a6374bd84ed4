import { inArray, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applicationHistory, applications, documents, verificationChecks, verificationJobs } from '../../../db/schema';
import { intentsForDocumentsOf } from '../documents';

/**
 * The statements of one batch that delete the applications `leaving` selects and everything hanging off them. The
 * first writes an upload intent for each document's bytes and returns their storage keys, for `discardUnclaimed`
 * after the commit; the last deletes the applications, so its row count says how many went.
 */
export function applicationDeletion(db: Db, leaving: SQLWrapper, now: Date) {
  return [
    intentsForDocumentsOf(db, leaving, now),
    db.delete(documents).where(inArray(documents.applicationId, leaving)),
    db.delete(applicationHistory).where(inArray(applicationHistory.applicationId, leaving)),
    db.delete(verificationChecks).where(inArray(verificationChecks.applicationId, leaving)),
    db.delete(verificationJobs).where(inArray(verificationJobs.applicationId, leaving)),
    db.delete(applications).where(inArray(applications.id, leaving)),
  ] as const;
}

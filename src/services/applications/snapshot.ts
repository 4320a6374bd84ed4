import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { documents } from '../../../db/schema';
import type { ApplicationSnapshot } from '../../domain/rejection';
import { ownDocuments } from '../own-documents';
import type { LoadedApplication } from './load';

/** The documents of an application as a rejection records them (id, kind, side, SHA-256), in upload order. */
export function documentFingerprints(db: Db, applicationId: string) {
  return db
    .select({ id: documents.id, kind: documents.kind, side: documents.side, sha256: documents.sha256 })
    .from(documents)
    .where(and(eq(documents.applicationId, applicationId), ownDocuments))
    .orderBy(asc(documents.createdAt), sql`rowid`);
}

/** The application as it stands: what a rejection records, and what a resubmission is compared with. */
export async function snapshotOf(db: Db, application: LoadedApplication['application']): Promise<ApplicationSnapshot> {
  return {
    channelId: application.channelId,
    form: application.form,
    community: application.community,
    firstSchoolId: application.firstSchoolId,
    secondSchoolId: application.secondSchoolId,
    documents: await documentFingerprints(db, application.id),
  };
}

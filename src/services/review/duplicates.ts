import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applications, documents } from '../../../db/schema';
import { duplicateFiles } from '../../domain/rejection';
import { ownDocuments } from '../own-documents';

/**
 * Documents that are the same file: groups within the application, and for each document the numbers of other
 * applications holding the same bytes (numbers only: nothing about the other family). Found through the hash index.
 */
export async function sameFiles(db: Db, applicationId: string, docs: readonly { id: string; sha256: string | null }[]) {
  const hashes = [...new Set(docs.map((d) => d.sha256).filter((h): h is string => Boolean(h)))];
  const others = hashes.length
    ? await db
        .selectDistinct({ sha256: documents.sha256, number: applications.number })
        .from(documents)
        .innerJoin(applications, eq(applications.id, documents.applicationId))
        .where(and(inArray(documents.sha256, hashes), ne(documents.applicationId, applicationId), ownDocuments))
        .limit(50)
    : [];
  return {
    withinApplication: duplicateFiles(docs),
    inOtherApplications: docs
      .map((d) => ({ documentId: d.id, numbers: others.filter((o) => o.sha256 === d.sha256).map((o) => o.number) }))
      .filter((d) => d.numbers.length > 0),
  };
}

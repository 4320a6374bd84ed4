import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { applications, documents, objections, placementDraws, uploadIntents } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { type DocumentContentType, sanitizeFileName } from '../../domain/file-types';
import { newId } from '../../domain/ids';
import { maxObjectionDocuments, objectionDocumentKind, objectionDocumentRefusal } from '../../domain/placement/objection-documents';
import { auditStatement } from '../audit';
import { checkDocumentBytes, discardUnclaimed, type DocumentView } from '../documents';
import { sha256Hex } from '../file-hash';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'files' | 'log'>;

const notFound = () => new DomainError('OBJECTION_NOT_FOUND', '找不到该异议');

/** The family's objection with what decides whether a file may be added to it; someone else's is not found. */
async function ownObjection(db: Db, accountId: string, objectionId: string) {
  const [found] = await db
    .select({
      id: objections.id,
      applicationId: objections.applicationId,
      drawId: objections.drawId,
      status: objections.status,
      publicityEndsAt: placementDraws.publicityEndsAt,
    })
    .from(objections)
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(placementDraws, eq(placementDraws.id, objections.drawId))
    .where(and(eq(objections.id, objectionId), eq(applications.accountId, accountId)));
  if (!found) throw notFound();
  return found;
}

async function filedCount(db: Db, objectionId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(documents).where(eq(documents.objectionId, objectionId));
  return row?.n ?? 0;
}

function refuseIfClosed(facts: Parameters<typeof objectionDocumentRefusal>[0], now: Date) {
  const refusal = objectionDocumentRefusal(facts, now);
  if (refusal) throw new DomainError(refusal.code, refusal.message);
}

/**
 * Files a photo or PDF with the family's own objection (异议材料), while it is open and 公示 runs, up to
 * `maxObjectionDocuments`. The same path as an application's documents: the type from the content, SHA-256, an
 * upload intent before the bytes are stored, one batch that writes the row only while the objection is still open,
 * 公示 still runs and there is room, and removes the intent. The document belongs to the application's family but never
 * counts as the application's own (`ownDocuments`).
 */
export async function addObjectionDocument(
  deps: Deps,
  accountId: string,
  input: { objectionId: string; fileName: string; bytes: Uint8Array },
): Promise<DocumentView> {
  const { db } = deps;
  const now = deps.clock.now();
  const objection = await ownObjection(db, accountId, input.objectionId);
  refuseIfClosed({ ...objection, filed: await filedCount(db, objection.id) }, now);
  const contentType: DocumentContentType = checkDocumentBytes(input.bytes);

  const row: typeof documents.$inferInsert = {
    id: newId(deps.random),
    applicationId: objection.applicationId,
    accountId,
    kind: objectionDocumentKind,
    fileName: sanitizeFileName(input.fileName, contentType),
    contentType,
    size: input.bytes.length,
    sha256: await sha256Hex(input.bytes),
    side: null,
    objectionId: objection.id,
    storageKey: newId(deps.random) + newId(deps.random),
    createdAt: now,
  };
  await db.insert(uploadIntents).values({ storageKey: row.storageKey, accountId, createdAt: now });
  await deps.files.put(row.storageKey, input.bytes, contentType);

  const stillOpen = and(
    rowExists(objections, eq(objections.id, objection.id), eq(objections.status, 'open')),
    rowExists(placementDraws, eq(placementDraws.id, objection.drawId), gt(placementDraws.publicityEndsAt, now)),
    rowExists(uploadIntents, eq(uploadIntents.storageKey, row.storageKey), eq(uploadIntents.createdAt, now)),
    sql`(SELECT count(*) FROM ${documents} WHERE ${documents.objectionId} = ${objection.id}) < ${maxObjectionDocuments}`,
  )!;
  const written = rowExists(documents, eq(documents.id, row.id!));
  let inserted: unknown[];
  try {
    [inserted] = await db.batch([
      insertWhen(db, documents, row, stillOpen).returning({ id: documents.id }),
      db.delete(uploadIntents).where(and(eq(uploadIntents.storageKey, row.storageKey), written)),
      auditStatement(
        db,
        {
          staffId: null,
          username: 'parent',
          action: 'objection_document_add',
          applicationId: objection.applicationId,
          detail: { objectionId: objection.id, documentId: row.id },
          ip: null,
          requestId: null,
          at: now,
        },
        written,
      ),
    ]);
  } catch (error) {
    await discardUnclaimed(deps, row.storageKey, 'an objection document whose row was not written');
    throw error;
  }
  if (inserted.length === 0) {
    await discardUnclaimed(deps, row.storageKey, 'a refused objection document');
    const fresh = await ownObjection(db, accountId, objection.id);
    refuseIfClosed({ ...fresh, filed: await filedCount(db, objection.id) }, deps.clock.now());
    throw new DomainError('OBJECTION_DOCUMENTS_CLOSED', '异议状态已变化，请刷新后再试');
  }
  return toView(row, now);
}

function toView(row: typeof documents.$inferSelect | typeof documents.$inferInsert, createdAt: Date): DocumentView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType as DocumentContentType,
    size: row.size,
    side: null,
    createdAt: createdAt.toISOString(),
  };
}

/** The files of each objection asked for, in upload order, by objection id. The caller has checked who may see them. */
export async function objectionDocumentsOf(db: Db, objectionIds: readonly string[]): Promise<Map<string, DocumentView[]>> {
  const byObjection = new Map<string, DocumentView[]>();
  if (objectionIds.length === 0) return byObjection;
  const rows = await db
    .select()
    .from(documents)
    .where(inArray(documents.objectionId, [...objectionIds]))
    .orderBy(asc(documents.createdAt), sql`rowid`);
  for (const row of rows) {
    const list = byObjection.get(row.objectionId!) ?? [];
    list.push(toView(row, row.createdAt));
    byObjection.set(row.objectionId!, list);
  }
  return byObjection;
}

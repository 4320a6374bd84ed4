import { and, asc, eq, inArray, lt, ne, not, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowExists } from '../../db/exists';
import { insertWhen } from '../../db/insert-when';
import { preparedStatement } from '../../db/prepared';
import { applications, documents, uploadIntents } from '../../db/schema';
import { UnreadableFileError } from '../adapters/files';
import type { AppDeps } from '../deps';
import { inScope } from '../domain/review-scope';
import type { SignedInStaff } from './staff/sessions';
import { orRefuse } from '../domain/application';
import { decideEdit } from '../domain/application-edit';
import type { ChannelDocument } from '../domain/catalog';
import { DomainError, fieldError } from '../domain/errors';
import { loggableError } from '../domain/error-text';
import {
  type DocumentContentType,
  documentMessages,
  maxDocumentBytes,
  maxDocumentsPerKind,
  sanitizeFileName,
  siblingDocumentKinds,
  sniffContentType,
} from '../domain/file-types';
import { newId } from '../domain/ids';
import { type DocumentSide, sideRefusal } from '../domain/document-sides';
import { commitEdit } from './applications/commit';
import { sha256Hex } from './file-hash';
import { ownDocuments } from './own-documents';
import { auditStatement } from './audit';
import { editFacts } from './applications/guards';
import { ownApplication } from './applications/load';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'files' | 'log'>;

/** A document as the parent (and, later, a reviewer) sees it; the storage key never leaves the server. */
export interface DocumentView {
  id: string;
  kind: string;
  fileName: string;
  contentType: DocumentContentType;
  size: number;
  /** 正面/反面 of a two-sided document (an ID card); null for every other kind. */
  side: DocumentSide | null;
  /** ISO-8601 instant. */
  createdAt: string;
}

/**
 * Who asks to see a document. Parents see their own applications' documents. Staff come with the review issue:
 * add `{ kind: 'staff'; … }` here and its rule in `mayView` (the compiler then lists every place to decide).
 */
export type DocumentViewer = { kind: 'parent'; accountId: string } | { kind: 'staff'; member: SignedInStaff };

export interface NewDocument {
  applicationId: string;
  kind: string;
  /** As the phone sent it: only shown, never trusted (sanitised; the extension follows the content). */
  fileName: string;
  bytes: Uint8Array;
  /** A document of the same application that this one replaces, deleted in the same batch. */
  replaces?: string | null;
  /** Which side of a two-sided document; a replacement without one keeps the side of the file it replaces. */
  side?: DocumentSide | null;
}

const notFound = () => new DomainError('DOCUMENT_NOT_FOUND', '找不到该文件');
const changed = () => new DomainError('APPLICATION_CHANGED', '报名状态已变化，请刷新后再操作');

/** The kinds a channel's application may upload: the channel's documents, plus the sibling-priority proofs. */
export function documentKinds(channel: { documents: readonly ChannelDocument[] }): string[] {
  return [...new Set([...channel.documents.map((d) => d.kind), ...siblingDocumentKinds])];
}

/** The content type of acceptable bytes, or the refusal a parent can act on. */
export function checkDocumentBytes(bytes: Uint8Array): DocumentContentType {
  if (bytes.length === 0) throw new DomainError('DOCUMENT_REJECTED', documentMessages.empty);
  if (bytes.length > maxDocumentBytes) throw new DomainError('DOCUMENT_TOO_LARGE', documentMessages.tooLarge);
  const type = sniffContentType(bytes);
  if (!type) throw new DomainError('DOCUMENT_REJECTED', documentMessages.rejected);
  return type;
}

function toView(
  row: Pick<typeof documents.$inferSelect, 'id' | 'kind' | 'fileName' | 'contentType' | 'size' | 'createdAt'> & {
    side?: DocumentSide | null;
  },
): DocumentView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType as DocumentContentType,
    size: row.size,
    side: row.side ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/*
 * Every document change is an edit of its application (`commitEdit`): the application's version moves on (so a
 * submission prepared before the change is refused as stale, and a submission's completeness check cannot race a
 * deletion) under the edit's guard, and the batch's other statements run only where that edit won.
 */

const documentOfApplication = (documentId: string, applicationId: string) =>
  rowExists(documents, eq(documents.id, documentId), eq(documents.applicationId, applicationId), ownDocuments);

function roomForKind(applicationId: string, kind: string, except: string | null) {
  return sql`(SELECT count(*) FROM ${documents} WHERE ${documents.applicationId} = ${applicationId} AND ${documents.objectionId} IS NULL AND ${documents.kind} = ${kind}${
    except ? sql` AND ${documents.id} <> ${except}` : sql``
  }) < ${maxDocumentsPerKind}`;
}

async function countOfKind(db: Db, applicationId: string, kind: string, except: string | null): Promise<number> {
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.applicationId, applicationId),
        ownDocuments,
        eq(documents.kind, kind),
        except ? ne(documents.id, except) : undefined,
      ),
    );
  return rows.length;
}

/**
 * An upload intent: a row saying "these bytes may belong to no document", written before bytes are stored (and in
 * the batch that drops a document's row), removed once the bytes are claimed by a row or deleted. If the process
 * dies in between, `sweepUploads` finds the intent and deletes the bytes. `createdAt` doubles as the intent's
 * version: the sweeper claims an intent by setting it to the epoch, and an upload commits only while its own
 * intent is untouched, so the two never both win.
 */
const intentStill = (storageKey: string, createdAt: Date) =>
  rowExists(uploadIntents, eq(uploadIntents.storageKey, storageKey), eq(uploadIntents.createdAt, createdAt));

/** Removes the intent of bytes that were claimed by a row or deleted; a failure leaves the sweeper a harmless check. */
async function settleIntent(deps: Deps, storageKey: string): Promise<void> {
  try {
    await deps.db.delete(uploadIntents).where(eq(uploadIntents.storageKey, storageKey));
  } catch (error) {
    deps.log.error(`documents: could not remove the upload intent of key ${storageKey}: ${loggableError(error)}`);
  }
}

/**
 * For a batch that deletes the document rows of `applicationIds` (a subquery): an upload intent for each of their
 * bytes, to be placed before that delete. It returns the storage keys, for `discardUnclaimed` after the commit; a
 * crash in between leaves the bytes to `sweepUploads`.
 */
export function intentsForDocumentsOf(db: Db, applicationIds: SQLWrapper, now: Date) {
  return db
    .insert(uploadIntents)
    .select(
      db
        .select({
          storageKey: documents.storageKey,
          accountId: documents.accountId,
          createdAt: sql`${now.getTime()}`.as('created_at'),
        })
        .from(documents)
        .where(inArray(documents.applicationId, applicationIds)) as never,
    )
    .onConflictDoNothing()
    .returning({ storageKey: uploadIntents.storageKey });
}

/** Bytes that lost their row in a batch: deleted now, and the intent written with that batch removed after. */
export async function discardUnclaimed(deps: Deps, storageKey: string, why: string): Promise<void> {
  try {
    await deps.files.delete(storageKey);
  } catch (error) {
    deps.log.error(`documents: could not delete the bytes of ${why} (key ${storageKey}), left for the sweeper: ${loggableError(error)}`);
    return;
  }
  await settleIntent(deps, storageKey);
}

/** How long bytes may wait for their row before the sweeper deletes them: far longer than any upload takes. */
export const uploadIntentGraceMs = 60 * 60_000;

/**
 * Deletes bytes stored without a row (the process died between storing them and writing the row, or between
 * dropping a row and deleting its bytes): intents older than `uploadIntentGraceMs` that no document row claims.
 * Each is claimed first (its `createdAt` set to the epoch, which also refuses a late upload's batch), then its bytes
 * are deleted, then the intent. Returns how many byte sets were removed.
 */
export async function sweepUploads(deps: Deps, options: { limit?: number } = {}): Promise<{ removed: number }> {
  const { db } = deps;
  const cutoff = new Date(deps.clock.now().getTime() - uploadIntentGraceMs);
  const claimedByRow = rowExists(documents, eq(documents.storageKey, uploadIntents.storageKey));
  const unclaimed = not(claimedByRow);
  const due = await db
    .select({ storageKey: uploadIntents.storageKey })
    .from(uploadIntents)
    .where(lt(uploadIntents.createdAt, cutoff))
    .limit(options.limit ?? 100);
  let removed = 0;
  for (const { storageKey } of due) {
    const [claimed] = await db
      .update(uploadIntents)
      .set({ createdAt: new Date(0) })
      .where(and(eq(uploadIntents.storageKey, storageKey), lt(uploadIntents.createdAt, cutoff), unclaimed))
      .returning({ storageKey: uploadIntents.storageKey });
    if (!claimed) {
      // A row claims these bytes (its batch had not removed the intent): only the intent goes.
      await db.delete(uploadIntents).where(and(eq(uploadIntents.storageKey, storageKey), claimedByRow));
      continue;
    }
    await deps.files.delete(storageKey);
    await db.delete(uploadIntents).where(eq(uploadIntents.storageKey, storageKey));
    removed++;
  }
  return { removed };
}

/**
 * Adds a photo or PDF to the parent's own editable application. The kind must be one the chosen channel asks for
 * (or a sibling proof); the type is read from the content; at most four files per kind. An upload intent is
 * written, the bytes are stored under a fresh random key, then the row is written in one batch that removes the
 * intent (and deletes the replaced document's row, leaving an intent for its bytes); bytes the batch did not keep
 * are removed again. A crash anywhere in between leaves an intent for `sweepUploads`.
 */
export async function addDocument(
  deps: Deps,
  accountId: string,
  input: NewDocument,
): Promise<DocumentView & { applicationVersion: number }> {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await ownApplication(db, accountId, input.applicationId);
  const edit = orRefuse(decideEdit(await editFacts(db, loaded, now)));
  if (!loaded.channel) throw new DomainError('CHANNEL_NOT_FOUND', '请先选择报名通道');
  if (!documentKinds(loaded.channel).includes(input.kind)) throw fieldError('kind', '所选报名通道不需要这类材料');
  const contentType = checkDocumentBytes(input.bytes);
  const applicationId = loaded.application.id;

  let replaced: { id: string; storageKey: string; side: DocumentSide | null } | null = null;
  if (input.replaces) {
    const [row] = await db
      .select({ id: documents.id, storageKey: documents.storageKey, side: documents.side })
      .from(documents)
      .where(and(eq(documents.id, input.replaces), eq(documents.applicationId, applicationId), ownDocuments));
    if (!row) throw new DomainError('DOCUMENT_NOT_FOUND', '要替换的文件不存在，请刷新后再试');
    replaced = row;
  }
  const side = input.side ?? replaced?.side ?? null;
  const document = loaded.channel.documents.find((d) => d.kind === input.kind);
  const wrongSide = sideRefusal(document, side);
  if (wrongSide) throw fieldError('side', wrongSide);
  if ((await countOfKind(db, applicationId, input.kind, replaced?.id ?? null)) >= maxDocumentsPerKind) {
    throw new DomainError('DOCUMENT_LIMIT', documentMessages.tooMany);
  }

  const row: typeof documents.$inferInsert = {
    id: newId(deps.random),
    applicationId,
    accountId,
    kind: input.kind,
    fileName: sanitizeFileName(input.fileName, contentType),
    contentType,
    size: input.bytes.length,
    sha256: await sha256Hex(input.bytes),
    side,
    storageKey: newId(deps.random) + newId(deps.random),
    createdAt: now,
  };
  await db.insert(uploadIntents).values({ storageKey: row.storageKey, accountId, createdAt: now });
  await deps.files.put(row.storageKey, input.bytes, contentType);

  let claimed: { version: number } | undefined;
  try {
    const done = await commitEdit(deps, {
      applicationId,
      guard: edit.guard,
      now,
      also: [
        roomForKind(applicationId, input.kind, replaced?.id ?? null),
        intentStill(row.storageKey, now),
        replaced ? documentOfApplication(replaced.id, applicationId) : undefined,
      ],
      followUps: (ours) => [
        ...(replaced
          ? [
              db.delete(documents).where(and(eq(documents.id, replaced.id), ours)),
              insertWhen(db, uploadIntents, { storageKey: replaced.storageKey, accountId, createdAt: now }, ours).onConflictDoNothing(),
            ]
          : []),
        insertWhen(db, documents, row, ours),
        db.delete(uploadIntents).where(and(eq(uploadIntents.storageKey, row.storageKey), ours)),
      ],
    });
    claimed = done.won ? done.row : undefined;
  } catch (error) {
    await discardUnclaimed(deps, row.storageKey, 'a document whose row was not written');
    throw error;
  }
  if (!claimed) {
    await discardUnclaimed(deps, row.storageKey, 'a refused document');
    throw await whyAddRefused(deps, accountId, applicationId, input.kind, replaced?.id ?? null);
  }
  if (replaced) await discardUnclaimed(deps, replaced.storageKey, `replaced document ${replaced.id}`);
  return { ...toView({ ...row, createdAt: now }), applicationVersion: claimed.version };
}

/** Explains a claim that matched no row: the state moved between the checks and the batch. */
async function whyAddRefused(
  deps: Deps,
  accountId: string,
  applicationId: string,
  kind: string,
  replaced: string | null,
): Promise<DomainError> {
  const fresh = await ownApplication(deps.db, accountId, applicationId);
  orRefuse(decideEdit(await editFacts(deps.db, fresh, deps.clock.now())));
  if (replaced) {
    const [still] = await deps.db.select({ id: documents.id }).from(documents).where(eq(documents.id, replaced));
    if (!still) return new DomainError('DOCUMENT_NOT_FOUND', '要替换的文件不存在，请刷新后再试');
  }
  if ((await countOfKind(deps.db, applicationId, kind, replaced)) >= maxDocumentsPerKind) {
    return new DomainError('DOCUMENT_LIMIT', documentMessages.tooMany);
  }
  return changed();
}

/** Deletes a document of the parent's own editable application: the row in one batch, then its bytes. */
export async function removeDocument(
  deps: Deps,
  accountId: string,
  documentId: string,
): Promise<{ id: string; applicationId: string; applicationVersion: number }> {
  const { db } = deps;
  const now = deps.clock.now();
  const [doc] = await db
    .select({ id: documents.id, applicationId: documents.applicationId, storageKey: documents.storageKey })
    .from(documents)
    .innerJoin(applications, eq(applications.id, documents.applicationId))
    .where(and(eq(documents.id, documentId), eq(applications.accountId, accountId), ownDocuments));
  if (!doc) throw notFound();
  const loaded = await ownApplication(db, accountId, doc.applicationId);
  const edit = orRefuse(decideEdit(await editFacts(db, loaded, now)));

  const done = await commitEdit(deps, {
    applicationId: doc.applicationId,
    guard: edit.guard,
    now,
    also: [documentOfApplication(doc.id, doc.applicationId)],
    followUps: (ours) => [
      db.delete(documents).where(and(eq(documents.id, doc.id), ours)),
      insertWhen(db, uploadIntents, { storageKey: doc.storageKey, accountId, createdAt: now }, ours).onConflictDoNothing(),
    ],
  });
  if (!done.won) {
    orRefuse(decideEdit(await editFacts(db, await ownApplication(db, accountId, doc.applicationId), deps.clock.now())));
    const [still] = await db.select({ id: documents.id }).from(documents).where(eq(documents.id, doc.id));
    throw still ? changed() : notFound();
  }
  await discardUnclaimed(deps, doc.storageKey, `deleted document ${doc.id}`);
  return { id: doc.id, applicationId: doc.applicationId, applicationVersion: done.row.version };
}

/** The kind and side of each of the family's documents on file, as a prepared read: what completeness needs. */
export const documentKindsRead = preparedStatement(['applicationId'], (db, p) =>
  db
    .select({ kind: documents.kind, side: documents.side })
    .from(documents)
    .where(and(eq(documents.applicationId, p.applicationId), ownDocuments)),
);

/** The documents of an application in the order they were uploaded. The caller has checked who may see them. */

export async function listDocuments(db: Db, applicationId: string): Promise<DocumentView[]> {
  const rows = await db
    .select({
      id: documents.id,
      kind: documents.kind,
      fileName: documents.fileName,
      contentType: documents.contentType,
      size: documents.size,
      side: documents.side,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(and(eq(documents.applicationId, applicationId), ownDocuments))
    .orderBy(asc(documents.createdAt), sql`rowid`);
  return rows.map(toView);
}

interface DocumentAccessRow {
  applicationAccountId: string;
  objectionId: string | null;
  status: string;
  firstSchoolId: string | null;
  secondSchoolId: string | null;
}

/** Who may see a document: its family; staff in scope for the application's own, administrators for 异议材料. */
function mayView(viewer: DocumentViewer, row: DocumentAccessRow): boolean {
  switch (viewer.kind) {
    case 'parent':
      return row.applicationAccountId === viewer.accountId;
    case 'staff':
      if (row.objectionId !== null) return viewer.member.role === 'admin';
      return row.status !== 'draft' && inScope(viewer.member, row);
    default: {
      const unknownViewer: never = viewer;
      return unknownViewer;
    }
  }
}

/**
 * A document's bytes for someone allowed to see them; anyone else is told it does not exist. A staff member's read of
 * 异议材料 is audited (written before the bytes are served).
 */
export async function readDocument(
  deps: Pick<AppDeps, 'db' | 'files' | 'log' | 'clock'>,
  viewer: DocumentViewer,
  documentId: string,
  request: { ip: string | null; requestId: string | null } = { ip: null, requestId: null },
): Promise<DocumentView & { bytes: Uint8Array }> {
  const [row] = await deps.db
    .select({
      document: documents,
      objectionId: documents.objectionId,
      applicationAccountId: applications.accountId,
      status: applications.status,
      firstSchoolId: applications.firstSchoolId,
      secondSchoolId: applications.secondSchoolId,
    })
    .from(documents)
    .innerJoin(applications, eq(applications.id, documents.applicationId))
    .where(eq(documents.id, documentId));
  if (!row || !mayView(viewer, row)) throw notFound();
  if (viewer.kind === 'staff' && row.objectionId !== null) {
    await deps.db.batch([
      auditStatement(deps.db, {
        staffId: viewer.member.staffId,
        username: viewer.member.username,
        action: 'objection_document_view',
        applicationId: row.document.applicationId,
        detail: { objectionId: row.objectionId, documentId: row.document.id },
        ...request,
        at: deps.clock.now(),
      }),
    ]);
  }
  const stored = await deps.files.get(row.document.storageKey).catch((error: unknown) => {
    if (!(error instanceof UnreadableFileError)) throw error;
    deps.log.error(`documents: the bytes of document ${row.document.id} are damaged: ${error.message}`);
    throw new DomainError('DOCUMENT_NOT_FOUND', '文件已损坏，请重新上传');
  });
  if (!stored) {
    deps.log.error(`documents: the bytes of document ${row.document.id} are missing from the file store`);
    throw new DomainError('DOCUMENT_NOT_FOUND', '文件已丢失，请重新上传');
  }
  return { ...toView(row.document), bytes: stored.bytes };
}

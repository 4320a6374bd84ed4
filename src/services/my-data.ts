import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import {
  accounts,
  applicationHistory,
  applications,
  bindingAppeals,
  children,
  consents,
  documents,
  messages,
  objections,
  placementDraws,
  placements,
} from '../../db/schema';
import { maskedForm } from '../domain/application-form';
import type { AppDeps } from '../deps';
import { loggableError } from '../domain/error-text';
import { storedZip } from './stored-zip';

/**
 * 我的数据: everything the platform holds about one parent account and its children, as that parent may see it.
 * Each record keeps only the fields named here (a new column stays out until it is named): ID numbers masked (a full
 * number is only ever shown one at a time, audited, through 查看完整号码), staff by their role in the history and never
 * by their id, a binding appeal without the other family's side, placements only once published. Dates are ISO
 * instants (`Date` serialises so in JSON).
 */
function pick<T extends object>(row: T, fields: string): Partial<T> {
  return Object.fromEntries(fields.split(' ').map((field) => [field, row[field as keyof T]])) as Partial<T>;
}

/** Everything the platform holds about an account, read in one batch (one round trip, one consistent snapshot). */
async function gatherMyData(deps: Pick<AppDeps, 'db'>, accountId: string) {
  const { db } = deps;
  const mine = db.select({ id: applications.id }).from(applications).where(eq(applications.accountId, accountId));
  const [
    [account],
    consentRows,
    childRows,
    applicationRows,
    messageRows,
    appealRows,
    historyRows,
    documentRows,
    objectionRows,
    placementRows,
  ] = await db.batch([
    db.select().from(accounts).where(eq(accounts.id, accountId)),
    db.select().from(consents).where(eq(consents.accountId, accountId)),
    db.select().from(children).where(eq(children.accountId, accountId)),
    db.select().from(applications).where(eq(applications.accountId, accountId)).orderBy(asc(applications.createdAt)),
    db.select().from(messages).where(eq(messages.accountId, accountId)),
    db.select().from(bindingAppeals).where(eq(bindingAppeals.claimantAccountId, accountId)),
    db.select().from(applicationHistory).where(inArray(applicationHistory.applicationId, mine)).orderBy(asc(applicationHistory.at)),
    db.select().from(documents).where(eq(documents.accountId, accountId)).orderBy(asc(documents.createdAt)),
    db.select().from(objections).where(inArray(objections.applicationId, mine)),
    db
      .select({ placement: placements, round: placementDraws.round, publishedAt: placementDraws.publishedAt })
      .from(placements)
      .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
      .where(and(inArray(placements.applicationId, mine), isNotNull(placementDraws.publishedAt))),
  ]);

  /** Each document with its name inside the download; the storage key never leaves the server. */
  const files = documentRows.map((d) => ({
    ...pick(d, 'id applicationId objectionId kind side fileName contentType size createdAt'),
    // Stored names are one path segment already (`sanitizeFileName`); the id keeps two of the same name apart.
    path: `documents/${d.id}-${d.fileName}`,
    storageKey: d.storageKey,
  }));

  const data = {
    // The signed-in account: found by the session that called.
    account: account && pick(account, 'phone createdAt'),
    consents: consentRows.map((c) => pick(c, 'noticeVersion acceptedAt ip')),
    children: childRows.map((c) => pick(c, 'id name idType idMasked birthDate sex createdAt')),
    applications: applicationRows.map((a) => ({
      ...pick(
        a,
        'id number childId seasonId entryId grade trackId channelId status community firstSchoolId secondSchoolId sibling rejectReason declarationAcceptedAt submittedAt createdAt updatedAt',
      ),
      // Parents' ID numbers and the 学籍号 as the pages show them: masked, never their sealed ciphertext.
      form: maskedForm(a.form),
      history: historyRows.filter((h) => h.applicationId === a.id).map((h) => pick(h, 'fromStatus toStatus actor reason at')),
      objections: objectionRows
        .filter((o) => o.applicationId === a.id)
        .map((o) => pick(o, 'id reason status decision correctedSchoolId filedAt decidedAt')),
      placements: placementRows
        .filter((p) => p.placement.applicationId === a.id)
        .map((p) => ({
          round: p.round,
          publishedAt: p.publishedAt,
          ...pick(p.placement, 'schoolId lottery confirmation confirmedAt secondRoundRequestedAt'),
        })),
    })),
    bindingAppeals: appealRows.map((b) => pick(b, 'id childId status reason settlement createdAt settledAt')),
    messages: messageRows.map((m) => pick(m, 'title body createdAt readAt')),
    documents: files.map(({ storageKey: _key, ...view }) => view),
  };
  return { data, files };
}

/** Why a document is not in the download (its bytes are missing from the store or cannot be read back). */
export const documentNotIncluded = '文件未能从存储中读取，未包含在下载中；如需该文件，请重新上传或联系教育局';

/**
 * The download: `my-data.json` and each document as it was uploaded. A document whose bytes are missing or cannot
 * be read is still listed, marked `notIncluded` in `my-data.json` and named in `说明.txt`, and everything else is
 * delivered: one lost file must not cost the family the rest.
 */
export async function myDataZip(deps: Pick<AppDeps, 'db' | 'files' | 'log'>, accountId: string): Promise<Uint8Array> {
  const { data, files } = await gatherMyData(deps, accountId);
  const entries: Record<string, Uint8Array> = {};
  const missing = new Set<string>();
  for (const file of files) {
    const stored = await deps.files.get(file.storageKey).catch((error: unknown) => {
      deps.log.error(`my-data: document ${file.id} could not be read: ${loggableError(error)}`);
      return null;
    });
    if (stored) entries[file.path] = stored.bytes;
    else missing.add(file.path);
  }
  const documents = data.documents.map((d) => (missing.has(d.path) ? { ...d, path: null, notIncluded: documentNotIncluded } : d));
  const encode = (text: string) => new TextEncoder().encode(text);
  const notes = documents.filter((d) => d.path === null).map((d) => `- ${d.fileName}（${d.kind}，上传于 ${d.createdAt?.toISOString()}）`);
  return storedZip({
    'my-data.json': encode(JSON.stringify({ ...data, documents }, null, 2)),
    ...(notes.length > 0 ? { '说明.txt': encode(`以下材料${documentNotIncluded}：\n${notes.join('\n')}\n`) } : {}),
    ...entries,
  });
}

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
import type { AppDeps } from '../deps';
import { DomainError } from '../domain/errors';

/**
 * 我的数据: everything the platform holds about one parent account and its children, as that parent may see it.
 * ID numbers stay masked (a full number is only ever shown one at a time, audited, through 查看完整号码); staff are
 * named by their role in the history, never by their id; another family's data (a binding appeal's other side) is
 * left out.
 */
export interface MyDataDocument {
  id: string;
  applicationId: string;
  objectionId: string | null;
  kind: string;
  side: string | null;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  /** The file's name inside the download. */
  path: string;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export async function gatherMyData(deps: Pick<AppDeps, 'db' | 'clock'>, accountId: string) {
  const { db } = deps;
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account || account.deletedAt) throw new DomainError('SIGN_IN_REQUIRED', '请先登录');
  const [consentRows, childRows, applicationRows, messageRows, appealRows] = await Promise.all([
    db.select().from(consents).where(eq(consents.accountId, accountId)).orderBy(asc(consents.acceptedAt)),
    db.select().from(children).where(eq(children.accountId, accountId)).orderBy(asc(children.createdAt)),
    db.select().from(applications).where(eq(applications.accountId, accountId)).orderBy(asc(applications.createdAt)),
    db.select().from(messages).where(eq(messages.accountId, accountId)).orderBy(asc(messages.createdAt)),
    db.select().from(bindingAppeals).where(eq(bindingAppeals.claimantAccountId, accountId)).orderBy(asc(bindingAppeals.createdAt)),
  ]);
  const ids = applicationRows.map((a) => a.id);
  const [historyRows, documentRows, objectionRows, placementRows] = ids.length
    ? await Promise.all([
        db.select().from(applicationHistory).where(inArray(applicationHistory.applicationId, ids)).orderBy(asc(applicationHistory.at)),
        db
          .select()
          .from(documents)
          .where(and(inArray(documents.applicationId, ids), eq(documents.accountId, accountId)))
          .orderBy(asc(documents.createdAt)),
        db.select().from(objections).where(inArray(objections.applicationId, ids)).orderBy(asc(objections.filedAt)),
        db
          .select({ placement: placements, round: placementDraws.round, publishedAt: placementDraws.publishedAt })
          .from(placements)
          .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
          .where(and(inArray(placements.applicationId, ids), isNotNull(placementDraws.publishedAt))),
      ])
    : [[], [], [], []];

  const files: (MyDataDocument & { storageKey: string })[] = documentRows.map((d, index) => ({
    id: d.id,
    applicationId: d.applicationId,
    objectionId: d.objectionId,
    kind: d.kind,
    side: d.side,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    createdAt: d.createdAt.toISOString(),
    path: `documents/${String(index + 1).padStart(3, '0')}-${d.fileName.replace(/[/\\]/g, '_')}`,
    storageKey: d.storageKey,
  }));

  const data = {
    generatedAt: deps.clock.now().toISOString(),
    account: { phone: account.phone, createdAt: account.createdAt.toISOString() },
    consents: consentRows.map((c) => ({ noticeVersion: c.noticeVersion, acceptedAt: c.acceptedAt.toISOString() })),
    children: childRows.map((c) => ({
      id: c.id,
      name: c.name,
      idType: c.idType,
      idMasked: c.idMasked,
      birthDate: c.birthDate,
      sex: c.sex,
      createdAt: c.createdAt.toISOString(),
    })),
    applications: applicationRows.map((a) => ({
      id: a.id,
      number: a.number,
      childId: a.childId,
      seasonId: a.seasonId,
      entryId: a.entryId,
      grade: a.grade,
      trackId: a.trackId,
      channelId: a.channelId,
      status: a.status,
      form: a.form,
      community: a.community,
      firstSchoolId: a.firstSchoolId,
      secondSchoolId: a.secondSchoolId,
      sibling: a.sibling,
      rejectReason: a.rejectReason,
      declarationAcceptedAt: a.declarationAcceptedAt.toISOString(),
      submittedAt: iso(a.submittedAt),
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      history: historyRows
        .filter((h) => h.applicationId === a.id)
        .map((h) => ({ from: h.fromStatus, to: h.toStatus, by: h.actor, reason: h.reason, at: h.at.toISOString() })),
      objections: objectionRows
        .filter((o) => o.applicationId === a.id)
        .map((o) => ({
          id: o.id,
          reason: o.reason,
          status: o.status,
          decision: o.decision,
          correctedSchoolId: o.correctedSchoolId,
          filedAt: o.filedAt.toISOString(),
          decidedAt: iso(o.decidedAt),
        })),
      placements: placementRows
        .filter((p) => p.placement.applicationId === a.id)
        .map((p) => ({
          round: p.round,
          schoolId: p.placement.schoolId,
          lottery: p.placement.lottery,
          confirmation: p.placement.confirmation,
          confirmedAt: iso(p.placement.confirmedAt),
          secondRoundRequestedAt: iso(p.placement.secondRoundRequestedAt),
          publishedAt: iso(p.publishedAt),
        })),
    })),
    bindingAppeals: appealRows.map((b) => ({
      id: b.id,
      childId: b.childId,
      status: b.status,
      reason: b.reason,
      settlement: b.settlement,
      createdAt: b.createdAt.toISOString(),
      settledAt: iso(b.settledAt),
    })),
    messages: messageRows.map((m) => ({
      title: m.title,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      readAt: iso(m.readAt),
    })),
    documents: files.map(({ storageKey: _key, ...view }) => view),
  };
  return { data, files };
}

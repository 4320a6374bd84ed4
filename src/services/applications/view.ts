import { placementOf, resultLines } from '../placement/results';
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applicationHistory, applications, children, entries, schools, staff, windows } from '../../../db/schema';
import { agentName } from '../../domain/access-log';
import { correctionDeadline, withdrawalsLeft } from '../../domain/application-rules';
import { maskedForm } from '../../domain/application-form';
import { siblingDocuments } from '../../domain/application-missing';
import { editableStatuses, statusNames } from '../../domain/application-status';
import { gradeNames } from '../../domain/eligibility';
import { describeWindow, windowState } from '../../domain/window';
import { lastRejectedAt } from './guards';
import { listDocuments } from '../documents';
import { catalogPlace } from './catalog-place';
import { type LoadedApplication, ownApplication, schoolNamesOf } from './load';
import { missingOf } from './submit';
import { checksForParents } from '../../domain/checks-for-parents';
import { verificationResults } from '../verification';
import { fixStep, noFaults } from '../../domain/rejection';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

async function history(db: Db, applicationId: string) {
  const rows = await db
    .select({ h: applicationHistory, office: staff.office, school: schools.name })
    .from(applicationHistory)
    .leftJoin(staff, and(eq(applicationHistory.actor, 'agent'), eq(staff.id, applicationHistory.actorId)))
    .leftJoin(schools, eq(schools.id, staff.schoolId))
    .where(eq(applicationHistory.applicationId, applicationId))
    .orderBy(asc(applicationHistory.version));
  return rows.map(({ h, office, school }) => ({
    at: h.at.toISOString(),
    from: h.fromStatus,
    to: h.toStatus,
    toName: statusNames[h.toStatus],
    by: h.actor === 'parent' ? '家长' : h.actor === 'system' ? '系统' : h.actor === 'agent' ? agentName(school ?? office) : '审核人员',
    reason: h.reason,
  }));
}

async function progressOf(db: Db, loaded: LoadedApplication, now: Date) {
  const { application, window } = loaded;
  const state = windowState(window, now);
  const rejectedAt = application.status === 'rejected' ? await lastRejectedAt(db, application.id) : null;
  return {
    status: application.status,
    statusName: statusNames[application.status],
    version: application.version,
    withdrawalsLeft: withdrawalsLeft(application.withdrawCount),
    canWithdraw: application.status === 'submitted' && withdrawalsLeft(application.withdrawCount) > 0 && state === 'open',
    canEdit: editableStatuses.includes(application.status),
    rejectReason: application.status === 'rejected' ? application.rejectReason : null,
    /** While rejected: the fields and documents the reviewer marked 需修改, and the step they concern first. */
    faults: application.status === 'rejected' ? (application.rejection?.faults ?? noFaults) : null,
    fixStep: application.status === 'rejected' ? fixStep(application.rejection?.faults) : null,
    correctionDeadline: rejectedAt ? iso(correctionDeadline(window, rejectedAt)) : null,
    window: {
      state,
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      text: describeWindow(window),
      /** When the reviews are to be finished, where administrators announced it. */
      reviewEndsAt: window.reviewEndsAt?.toISOString() ?? null,
      schoolReviewEndsAt: window.schoolReviewEndsAt?.toISOString() ?? null,
    },
    history: await history(db, application.id),
    /** The system checks of this family's own application, in plain words (none before it is submitted). */
    checks: application.status === 'draft' ? [] : checksForParents((await verificationResults(db, application.id)).checks),
  };
}

/** The preview: every field, the documents, the schools, and what is still missing. */
export async function getApplication(db: Db, accountId: string, applicationId: string, now: Date) {
  const loaded = await ownApplication(db, accountId, applicationId);
  const { application, child } = loaded;
  const [schoolName, docs] = await Promise.all([schoolNamesOf(db, application), listDocuments(db, application.id)]);
  return {
    id: application.id,
    number: application.number,
    ...catalogPlace(loaded),
    grade: application.grade,
    gradeName: gradeNames[application.grade] ?? String(application.grade),
    child: { id: child.id, name: child.name, idNumberMasked: child.idMasked, birthDate: child.birthDate },
    form: maskedForm(application.form),
    schools: {
      first: application.firstSchoolId ? { id: application.firstSchoolId, name: schoolName(application.firstSchoolId) } : null,
      second: application.secondSchoolId ? { id: application.secondSchoolId, name: schoolName(application.secondSchoolId) } : null,
    },
    sibling: application.sibling
      ? { ...application.sibling, schoolName: schoolName(application.sibling.schoolId), documents: siblingDocuments }
      : null,
    documents: docs,
    missing: editableStatuses.includes(application.status) ? missingOf(loaded, docs) : [],
    declarationAcceptedAt: application.declarationAcceptedAt.toISOString(),
    submittedAt: iso(application.submittedAt),
    ...(await progressOf(db, loaded, now)),
  };
}

/** 报名进度: status, timeline, reason, withdrawals left. */
export async function applicationProgress(db: Db, accountId: string, applicationId: string, now: Date) {
  const loaded = await ownApplication(db, accountId, applicationId);
  return {
    id: loaded.application.id,
    number: loaded.application.number,
    childName: loaded.child.name,
    ...(await progressOf(db, loaded, now)),
    /** 录取结果 once published: the school or 统筹安排, and why. */
    placement: await placementOf(db, loaded.application.id, now),
  };
}

/**
 * The parent's applications, newest first; a rejected one with its reason and until when it can be corrected, and
 * 录取结果 in a line once published.
 */
export async function listApplications(db: Db, accountId: string, now: Date) {
  const rows = await db
    .select({ a: applications, entryName: entries.name, childName: children.name, window: windows })
    .from(applications)
    .innerJoin(entries, eq(entries.id, applications.entryId))
    .innerJoin(windows, eq(windows.entryId, applications.entryId))
    .innerJoin(children, eq(children.id, applications.childId))
    .where(eq(applications.accountId, accountId))
    .orderBy(desc(applications.createdAt));
  const rejectedIds = rows.filter((r) => r.a.status === 'rejected').map((r) => r.a.id);
  const rejections = rejectedIds.length
    ? await db
        .select({ applicationId: applicationHistory.applicationId, at: max(applicationHistory.at) })
        .from(applicationHistory)
        .where(and(inArray(applicationHistory.applicationId, rejectedIds), eq(applicationHistory.toStatus, 'rejected')))
        .groupBy(applicationHistory.applicationId)
    : [];
  const results = await resultLines(
    db,
    rows.map((r) => r.a.id),
    now,
  );
  return rows.map(({ a, entryName, childName, window }) => {
    const rejectedAt = rejections.find((r) => r.applicationId === a.id)?.at ?? null;
    return {
      id: a.id,
      number: a.number,
      entryName,
      childName,
      grade: a.grade,
      status: a.status,
      statusName: statusNames[a.status],
      withdrawalsLeft: withdrawalsLeft(a.withdrawCount),
      submittedAt: iso(a.submittedAt),
      updatedAt: a.updatedAt.toISOString(),
      rejectReason: a.status === 'rejected' ? a.rejectReason : null,
      fixStep: a.status === 'rejected' ? fixStep(a.rejection?.faults) : null,
      correctionDeadline: rejectedAt ? iso(correctionDeadline(window, rejectedAt)) : null,
      result: results.get(a.id) ?? null,
    };
  });
}

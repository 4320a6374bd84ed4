import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sendBatch } from '../../../db/prepared';
import { applicationHistory, applications } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { fieldLabels, maskedForm } from '../../domain/application-form';
import { catalogPlace } from '../applications/catalog-place';
import { statusNames } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { maskPhone } from '../../domain/masking';
import { gradeNames } from '../../domain/eligibility';
import { auditStatement } from '../audit';
import { runVerification, verificationJob, verificationResults } from '../verification';
import { loadApplication, schoolNamesOf } from '../applications/load';
import { listDocuments } from '../documents';
import type { SignedInStaff } from '../staff/sessions';
import { assertInScope, scopeOf } from './scope';
import { maySchoolDecide } from '../../domain/school-decision';
import { statusesCountedPerChannel, statusesCountedPerFirstSchool } from '../../domain/review-stats';
import { type IdField, sealedIdOf } from '../applications/sealed-id';
import { documentFingerprints } from '../applications/snapshot';
import { changesSinceRejection, faultChoices, rejectedState } from '../../domain/rejection';
import { lockWarnings } from '../property-locks';
import { criteriaNotes } from './criteria-notes';
import { sameFiles } from './duplicates';

const notFound = () => new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');

/**
 * Everything a reviewer needs on one screen: every field (ID numbers masked), documents, history, withdrawals.
 * Each opening is audited (`view`): the family sees it in their 查阅记录.
 */
export async function reviewDetail(
  db: Db,
  member: SignedInStaff,
  applicationId: string,
  at: Date,
  request: { ip: string | null; requestId: string | null },
) {
  const loaded = await loadApplication(db, applicationId);
  if (!loaded || loaded.application.status === 'draft') throw notFound();
  assertInScope(member, loaded.application);
  const { application, channel, entry, child } = loaded;
  const viewed = { staffId: member.staffId, username: member.username, action: 'view', applicationId: application.id, ...request, at };
  // The view is recorded alongside the reads (not before them, one round trip more); if it fails, nothing is shown.
  const [, name, docs, fingerprints, history, verification, notes, propertyLocks] = await Promise.all([
    auditStatement(db, viewed),
    schoolNamesOf(db, application),
    listDocuments(db, application.id),
    documentFingerprints(db, application.id),
    db
      .select()
      .from(applicationHistory)
      .where(eq(applicationHistory.applicationId, application.id))
      .orderBy(asc(applicationHistory.version)),
    verificationResults(db, application.id),
    criteriaNotes(db, application.id),
    lockWarnings(db, { id: application.id, childId: child.id }, at),
  ]);
  const { rejection } = application;
  const resubmitted = application.status === 'submitted' && rejection !== null;
  const now = { ...application, documents: fingerprints };
  const changes = resubmitted && rejection ? changesSinceRejection(rejection.before, rejectedState(now)) : null;
  return {
    id: application.id,
    number: application.number,
    status: application.status,
    statusName: statusNames[application.status],
    version: application.version,
    withdrawCount: application.withdrawCount,
    rejectReason: application.rejectReason,
    /** The last rejection (kept after the parent resubmits): when, why, and what the reviewer marked at fault. */
    rejection: rejection ? { at: rejection.at, reason: rejection.reason, faults: rejection.faults } : null,
    /** 驳回后重新提交: submitted again after a rejection; `changes` says what the parent changed since. */
    resubmitted,
    changes: changes
      ? {
          ...changes,
          fields: changes.fields.map((f) => ({ ...f, label: (fieldLabels as Record<string, string>)[f.field] ?? f.field })),
        }
      : null,
    /** What the decision form offers to tick at fault. */
    faultChoices: faultChoices(entry.code, channel, application.form, application.sibling !== null),
    sameFiles: await sameFiles(db, application.id, fingerprints),
    ...catalogPlace(loaded),
    grade: application.grade,
    gradeName: gradeNames[application.grade] ?? '',
    child: { name: child.name, idNumberMasked: child.idMasked, birthDate: child.birthDate },
    parentPhoneMasked: maskPhone(loaded.phone),
    form: maskedForm(application.form),
    schools: {
      first: name(application.firstSchoolId),
      second: name(application.secondSchoolId),
      firstId: application.firstSchoolId,
      secondId: application.secondSchoolId,
    },
    sibling: application.sibling ? { ...application.sibling, schoolName: name(application.sibling.schoolId) } : null,
    documents: [...docs]
      .sort((a, b) => a.kind.localeCompare(b.kind))
      .map((d) => ({ ...d, side: fingerprints.find((f) => f.id === d.id)?.side ?? null })),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      from: h.fromStatus,
      to: h.toStatus,
      toName: statusNames[h.toStatus],
      actor: h.actor,
      reason: h.reason,
    })),
    submittedAt: application.submittedAt?.toISOString() ?? null,
    verification: { overall: application.verification, ...verification },
    /** 审核条件已调整: the channel's cut-off or minimum months changed after the application was made, checks ran again. */
    criteriaNotes: notes,
    /** 一房一位: the property this application claims admitted another child, lock still holding (name masked). */
    propertyLocks,
    /** False for the second-choice school: it sees the application but takes no 学校审核 decision. */
    schoolDecisionAllowed: maySchoolDecide(member, application, 'school_approve'),
  };
}

export type RevealField = IdField;

/**
 * Shows one full ID number to a reviewer who may see the application, and writes the view to the audit log first:
 * if the entry cannot be written, nothing is revealed.
 */
export async function revealIdNumber(
  deps: Pick<AppDeps, 'db' | 'clock' | 'vault'>,
  member: SignedInStaff,
  input: { applicationId: string; field: RevealField },
  request: { ip: string | null; requestId: string | null },
) {
  const { db, vault } = deps;
  const loaded = await loadApplication(db, input.applicationId);
  if (!loaded || loaded.application.status === 'draft') throw notFound();
  assertInScope(member, loaded.application);
  const sealed = await sealedIdOf(db, loaded, input.field);
  await db.batch([
    auditStatement(db, {
      staffId: member.staffId,
      username: member.username,
      action: 'reveal_id',
      applicationId: loaded.application.id,
      detail: { field: input.field },
      ip: request.ip,
      requestId: request.requestId,
      at: deps.clock.now(),
    }),
  ]);
  return { field: input.field, idNumber: await vault.decrypt(sealed) };
}

/** Counts by status, channel and first-choice school, within the reviewer's scope. */
export async function reviewStats(db: Db, member: SignedInStaff) {
  const where = and(ne(applications.status, 'draft'), scopeOf(member));
  const [byStatus, byChannel, bySchool] = await Promise.all([
    db.select({ key: applications.status, n: count() }).from(applications).where(where).groupBy(applications.status),
    db
      .select({ key: applications.channelId, n: count() })
      .from(applications)
      .where(and(where, inArray(applications.status, [...statusesCountedPerChannel])))
      .groupBy(applications.channelId),
    db
      .select({ key: applications.firstSchoolId, n: count() })
      .from(applications)
      .where(and(where, inArray(applications.status, [...statusesCountedPerFirstSchool])))
      .groupBy(applications.firstSchoolId),
  ]);
  return {
    byStatus: byStatus.map((r) => ({ status: r.key, statusName: statusNames[r.key], count: r.n })),
    byChannel: byChannel.map((r) => ({ channelId: r.key, count: r.n })),
    byFirstSchool: bySchool.map((r) => ({ schoolId: r.key, count: r.n })),
  };
}

/** A reviewer asks for the checks to run again (e.g. after a parent's correction or an outage): audited. */
export async function recheck(
  deps: Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault' | 'records' | 'recordsSource' | 'log'>,
  member: SignedInStaff,
  applicationId: string,
  request: { ip: string | null; requestId: string | null },
) {
  const { db } = deps;
  const loaded = await loadApplication(db, applicationId);
  if (!loaded || loaded.application.status === 'draft') throw notFound();
  assertInScope(member, loaded.application);
  const now = deps.clock.now();
  await sendBatch(db, [
    verificationJob(applicationId, now),
    auditStatement(db, {
      staffId: member.staffId,
      username: member.username,
      action: 'recheck',
      applicationId,
      ip: request.ip,
      requestId: request.requestId,
      at: now,
    }),
  ]);
  const outcome = await runVerification(deps, applicationId);
  return { outcome, ...(await verificationResults(db, applicationId)) };
}

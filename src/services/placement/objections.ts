import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowExists } from '../../../db/exists';
import { accounts, applications, children, objections, placementDraws, placements, schools } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { objectionNotice } from '../../domain/placement/result-notice';
import { noticeStatements } from '../notice-statements';
import { auditStatement } from '../audit';
import { ownApplication } from '../applications/load';
import { lockStatements, propertyClaims } from '../property-locks';
import type { SignedInStaff } from '../staff/sessions';
import { objectionDocumentsOf } from './objection-documents';
import { placementRulesOf } from './rules';
import { drawColumns } from './draw';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

/**
 * A family's objection to its placement, while 公示 runs: one per application and draw, with its reason. Only the
 * application's own family; audited without the reason's text (it may name people).
 */
export async function fileObjection(deps: Deps, accountId: string, input: { applicationId: string; reason: string }) {
  const { db } = deps;
  const now = deps.clock.now();
  await ownApplication(db, accountId, input.applicationId);
  const [placed] = await db
    .select({ drawId: placements.drawId, endsAt: placementDraws.publicityEndsAt })
    .from(placements)
    .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
    .where(and(eq(placements.applicationId, input.applicationId), isNotNull(placementDraws.publishedAt)))
    // The latest published round: an objection to the second round's result once it is out.
    .orderBy(desc(placementDraws.round))
    .limit(1);
  if (!placed) throw new DomainError('OBJECTION_CLOSED', '录取结果尚未公布，暂不能提出异议');
  if (!placed.endsAt || placed.endsAt.getTime() <= now.getTime()) throw new DomainError('OBJECTION_CLOSED', '公示期已结束，不能再提出异议');
  const id = newId(deps.random);
  const [inserted] = await db.batch([
    db
      .insert(objections)
      .values({ id, drawId: placed.drawId, applicationId: input.applicationId, reason: input.reason, filedAt: now })
      .onConflictDoNothing()
      .returning({ id: objections.id }),
    auditStatement(
      db,
      {
        staffId: null,
        username: 'parent',
        action: 'objection_file',
        applicationId: input.applicationId,
        detail: { objectionId: id },
        ip: null,
        requestId: null,
        at: now,
      },
      rowExists(objections, eq(objections.id, id)),
    ),
  ]);
  if (inserted.length === 0) throw new DomainError('OBJECTION_EXISTS', '您已对本次录取结果提出过异议，请等待处理');
  return { id, filedAt: now.toISOString() };
}

/**
 * The objections of a season's draws, oldest first, with the application's number and placement, and for an
 * administrator (who decides them) the files filed with each.
 */
export async function listObjections(db: Db, member: SignedInStaff, seasonId: string) {
  const rows = await db
    .select({
      objection: objections,
      number: applications.number,
      child: children.name,
      school: schools.name,
      publishedBy: placementDraws.publishedBy,
    })
    .from(objections)
    .innerJoin(placementDraws, eq(placementDraws.id, objections.drawId))
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(children, eq(children.id, applications.childId))
    .innerJoin(placements, and(eq(placements.drawId, objections.drawId), eq(placements.applicationId, objections.applicationId)))
    .leftJoin(schools, eq(schools.id, placements.schoolId))
    .where(eq(placementDraws.seasonId, seasonId))
    .orderBy(asc(objections.filedAt));
  const files =
    member.role === 'admin'
      ? await objectionDocumentsOf(
          db,
          rows.map((r) => r.objection.id),
        )
      : new Map();
  return rows.map((r) => ({
    id: r.objection.id,
    number: r.number,
    child: r.child,
    school: r.school,
    reason: r.objection.reason,
    status: r.objection.status,
    filedAt: r.objection.filedAt.toISOString(),
    decision: r.objection.decision,
    publishedBy: r.publishedBy,
    documents: files.get(r.objection.id) ?? [],
  }));
}

/**
 * Decides an objection: upheld (the application is placed at `schoolId` instead, when given) or dismissed, with the
 * reason, by an administrator other than the one who published the results; the family is told by message and SMS.
 * One batch, once (a second decision answers CONFLICT), audited with before and after.
 */
export async function decideObjection(
  deps: Deps,
  admin: SignedInStaff,
  input: { objectionId: string; outcome: 'upheld' | 'dismissed'; reason: string; schoolId?: string | null },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [found] = await db
    .select({
      objection: objections,
      draw: drawColumns,
      placement: placements,
      accountId: accounts.id,
      phone: accounts.phone,
      child: children.name,
    })
    .from(objections)
    .innerJoin(placementDraws, eq(placementDraws.id, objections.drawId))
    .innerJoin(placements, and(eq(placements.drawId, objections.drawId), eq(placements.applicationId, objections.applicationId)))
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .innerJoin(children, eq(children.id, applications.childId))
    .where(eq(objections.id, input.objectionId));
  if (!found) throw new DomainError('OBJECTION_NOT_FOUND', '找不到该异议');
  if (found.draw.publishedBy === admin.staffId) throw new DomainError('OBJECTION_SAME_ADMIN', '异议须由公布录取结果以外的管理员处理');
  if (found.objection.status !== 'open') throw new DomainError('OBJECTION_DECIDED', '该异议已处理');
  const correctedSchoolId = input.outcome === 'upheld' ? (input.schoolId ?? null) : null;
  let schoolName: string | null = null;
  if (correctedSchoolId) {
    const [school] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, correctedSchoolId));
    if (!school) throw new DomainError('SCHOOL_NOT_FOUND', '找不到该学校');
    schoolName = school.name;
  }
  const [propertyClaim, { propertyLockYears }] = correctedSchoolId
    ? await Promise.all([
        propertyClaims(db, and(eq(placements.drawId, found.objection.drawId), eq(placements.applicationId, found.objection.applicationId))),
        placementRulesOf(db, found.draw.seasonId),
      ])
    : [new Map<string, string>(), { propertyLockYears: 0 }];
  const certificateKey = propertyClaim.get(found.objection.applicationId);
  const stillOpen = rowExists(objections, eq(objections.id, found.objection.id), eq(objections.status, 'open'));
  // Written by this decision: the same instant, administrator, outcome, reason and school (a rival decision that
  // matched all of them would have the same effects).
  const mine = rowExists(
    objections,
    eq(objections.id, found.objection.id),
    eq(objections.decidedAt, now),
    eq(objections.decidedBy, admin.staffId),
    eq(objections.status, input.outcome),
    eq(objections.decision, input.reason),
    correctedSchoolId ? eq(objections.correctedSchoolId, correctedSchoolId) : isNull(objections.correctedSchoolId),
  );
  const notice = objectionNotice(found.child, input.outcome, input.reason, schoolName);
  const key = `application:${found.objection.applicationId}:objection:${found.objection.id}`;
  const [, decided] = await db.batch([
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'objection_decide',
        applicationId: found.objection.applicationId,
        detail: {
          objectionId: found.objection.id,
          outcome: input.outcome,
          reason: input.reason,
          before: { schoolId: found.placement.schoolId },
          after: { schoolId: correctedSchoolId ?? found.placement.schoolId },
        },
        ...request,
        at: now,
      },
      stillOpen,
    ),
    db
      .update(objections)
      .set({ status: input.outcome, decidedAt: now, decidedBy: admin.staffId, decision: input.reason, correctedSchoolId })
      .where(and(eq(objections.id, found.objection.id), eq(objections.status, 'open')))
      .returning({ id: objections.id }),
    ...(correctedSchoolId
      ? [
          db
            .update(placements)
            .set({ schoolId: correctedSchoolId })
            .where(and(eq(placements.drawId, found.objection.drawId), eq(placements.applicationId, found.objection.applicationId), mine)),
          // 一房一位: the lock follows the child to the corrected school and keeps its dates.
          ...(certificateKey
            ? lockStatements(
                db,
                {
                  applicationId: found.objection.applicationId,
                  certificateKey,
                  schoolId: correctedSchoolId,
                  at: now,
                  years: propertyLockYears,
                },
                mine,
                'dates',
              )
            : []),
        ]
      : []),
    ...noticeStatements(db, { accountId: found.accountId, phone: found.phone, key, notice, now, won: mine }),
  ]);
  if (decided.length === 0) throw new DomainError('OBJECTION_DECIDED', '该异议已处理');
  return { status: input.outcome };
}

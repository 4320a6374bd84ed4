import { and, asc, desc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowExists } from '../../../db/exists';
import { accounts, applications, children, objections, placementDraws, placements, schools, seasons } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { maskName } from '../../domain/masking';
import { placementNotice } from '../../domain/placement/result-notice';
import { seatAnswerOpen } from '../../domain/placement/seat-answer';
import { auditStatement } from '../audit';
import { noticeMessages } from '../messages';
import { sendBulk, smsNotices } from '../outbox';
import type { SignedInStaff } from '../staff/sessions';
import { maxObjectionDocuments } from '../../domain/placement/objection-documents';
import { objectionDocumentsOf } from './objection-documents';
import { newLocksStatements, propertyClaims } from '../property-locks';
import { placementRulesOf } from './rules';
import { drawColumns } from './draw';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };
type AfterResponse = (task: () => Promise<unknown>) => void;

/**
 * Sends a draw's results (either round) to every family in it at once: an in-app message and an SMS each, through the outbox, in the
 * same batch as the draw's publication, and only if this request is the one that published it (a second answers
 * CONFLICT and sends nothing). 公示 opens with it for `publicityDays`.
 */
export async function publishResults(
  deps: Deps & Pick<AppDeps, 'sms' | 'log'>,
  admin: SignedInStaff,
  input: { drawId: string; publicityDays: number; confirmDays: number },
  request: Request,
  afterResponse: AfterResponse,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [draw] = await db
    .select({
      id: placementDraws.id,
      seasonId: placementDraws.seasonId,
      round: placementDraws.round,
      publishedAt: placementDraws.publishedAt,
    })
    .from(placementDraws)
    .where(eq(placementDraws.id, input.drawId));
  if (!draw) throw new DomainError('DRAW_NOT_FOUND', '找不到该次派位');
  const published = () => new DomainError('PLACEMENT_DRAWN', '该次派位结果已公布');
  if (draw.publishedAt) throw published();
  const families = await db
    .select({
      applicationId: applications.id,
      accountId: accounts.id,
      phone: accounts.phone,
      child: children.name,
      school: schools.name,
      schoolId: placements.schoolId,
    })
    .from(placements)
    .innerJoin(applications, eq(applications.id, placements.applicationId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .innerJoin(children, eq(children.id, applications.childId))
    .leftJoin(schools, eq(schools.id, placements.schoolId))
    .where(eq(placements.drawId, draw.id));
  const notices = families.map((f) => ({
    ...f,
    ...placementNotice(f.child, f.school, draw.round),
    key: `application:${f.applicationId}:placement:${draw.id}`,
  }));
  const [{ propertyLockYears }, properties] = await Promise.all([
    placementRulesOf(db, draw.seasonId),
    propertyClaims(db, and(eq(placements.drawId, draw.id), isNotNull(placements.schoolId))),
  ]);
  // The audit entry goes first, on the condition the publication then changes; every notice follows it.
  const unpublished = rowExists(placementDraws, eq(placementDraws.id, draw.id), isNull(placementDraws.publishedAt));
  const mine = rowExists(placementDraws, eq(placementDraws.id, draw.id), eq(placementDraws.publishedAt, now));
  const [, updated] = await db.batch([
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'placement_publish',
        detail: { drawId: draw.id, round: draw.round, families: families.length },
        ...request,
        at: now,
      },
      unpublished,
    ),
    db
      .update(placementDraws)
      .set({
        publishedAt: now,
        publishedBy: admin.staffId,
        publicityEndsAt: new Date(now.getTime() + input.publicityDays * 24 * 3_600_000),
        confirmBy: new Date(now.getTime() + input.confirmDays * 24 * 3_600_000),
      })
      .where(and(eq(placementDraws.id, draw.id), isNull(placementDraws.publishedAt)))
      .returning({ id: placementDraws.id }),
    ...noticeMessages(
      db,
      notices.map((n) => ({ accountId: n.accountId, key: n.key, title: n.title, body: n.body })),
      now,
      mine,
    ),
    ...smsNotices(
      db,
      notices.map((n) => ({ idempotencyKey: n.key, phone: n.phone, body: n.sms })),
      now,
      mine,
    ),
    ...newLocksStatements(
      db,
      families.flatMap((f) => {
        const certificateKey = properties.get(f.applicationId);
        return f.schoolId && certificateKey
          ? [{ applicationId: f.applicationId, certificateKey, schoolId: f.schoolId, at: now, years: propertyLockYears }]
          : [];
      }),
      mine,
    ),
  ]);
  if (updated.length === 0) throw published();
  afterResponse(() => sendBulk(deps));
  return { publishedAt: now.toISOString(), notified: families.length };
}

/**
 * 录取结果 in a line for each of these applications whose results are published (the latest round): the school or
 * null (统筹安排), the round, and until when the family still has to answer 确认入学 (null: nothing to answer).
 */
export async function resultLines(db: Db, applicationIds: readonly string[], now: Date) {
  const rows =
    applicationIds.length === 0
      ? []
      : await db
          .select({
            applicationId: placements.applicationId,
            school: schools.name,
            round: placementDraws.round,
            confirmation: placements.confirmation,
            confirmBy: placementDraws.confirmBy,
          })
          .from(placements)
          .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
          .leftJoin(schools, eq(schools.id, placements.schoolId))
          .where(and(inArray(placements.applicationId, [...applicationIds]), isNotNull(placementDraws.publishedAt)))
          .orderBy(asc(placementDraws.round));
  const lines = new Map<string, { school: string | null; round: number; answerBy: string | null }>();
  for (const r of rows) {
    const open = seatAnswerOpen({ placed: r.school !== null, confirmation: r.confirmation, confirmBy: r.confirmBy }, now);
    lines.set(r.applicationId, { school: r.school, round: r.round, answerBy: open ? r.confirmBy!.toISOString() : null });
  }
  return lines;
}

/**
 * 录取结果 of an application as its family reads it, once published: the school (or 统筹安排) and why: the tier and
 * lottery number at each choice, and each chosen school's cutoff. The latest published round: the second round's
 * once it is published for the application. Null before the results are published.
 */
export async function placementOf(db: Db, applicationId: string, now: Date) {
  const [row] = await db
    .select({ placement: placements, draw: drawColumns, school: schools.name })
    .from(placements)
    .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
    .leftJoin(schools, eq(schools.id, placements.schoolId))
    .where(and(eq(placements.applicationId, applicationId), isNotNull(placementDraws.publishedAt)))
    .orderBy(desc(placementDraws.round))
    .limit(1);
  if (!row) return null;
  const rules = await placementRulesOf(db, row.draw.seasonId);
  const codes = (row.placement.choices ?? []).map((c) => c.school);
  const chosen =
    codes.length === 0
      ? []
      : await db
          .select({ id: schools.id, code: schools.code, name: schools.name })
          .from(schools)
          .innerJoin(seasons, eq(seasons.regionId, schools.regionId))
          .where(and(eq(seasons.id, row.draw.seasonId), inArray(schools.code, codes)));
  const names = new Map(chosen.map((s) => [s.code, s.name]));
  const placedCode = chosen.find((s) => s.id === row.placement.schoolId)?.code ?? null;
  const [objection] = await db
    .select({ id: objections.id, status: objections.status, decision: objections.decision, filedAt: objections.filedAt })
    .from(objections)
    .where(and(eq(objections.drawId, row.draw.id), eq(objections.applicationId, applicationId)));
  const publicityOpen = row.draw.publicityEndsAt !== null && row.draw.publicityEndsAt.getTime() > now.getTime();
  const filed = objection ? ((await objectionDocumentsOf(db, [objection.id])).get(objection.id) ?? []) : [];
  const canConfirm = seatAnswerOpen(
    { placed: row.placement.schoolId !== null, confirmation: row.placement.confirmation, confirmBy: row.draw.confirmBy },
    now,
  );
  const firstRound = row.draw.round === 1;
  return {
    /** 1: the draw; 2: 第二轮派位 over the seats given up. */
    round: row.draw.round,
    school: row.school,
    lottery: row.placement.lottery,
    publicityEndsAt: row.draw.publicityEndsAt?.toISOString() ?? null,
    /** 确认入学: until when, and what the family answered (null: not yet). */
    confirmBy: row.draw.confirmBy?.toISOString() ?? null,
    confirmation: row.placement.confirmation,
    canConfirm,
    /** Giving up this seat, the family may ask for the second round: only in round 1, with another choice to try. */
    canAskSecondRound: firstRound && canConfirm && codes.some((code) => code !== placedCode),
    /**
     * The second round: `automatic` (left unplaced by round 1: the family takes part without asking), `requested`
     * (gave up its seat and asked), or null.
     */
    secondRound: !firstRound
      ? null
      : row.placement.schoolId === null
        ? ('automatic' as const)
        : row.placement.confirmation === 'declined' && row.placement.secondRoundRequestedAt
          ? ('requested' as const)
          : null,
    /** 异议: the family's, if filed; whether one may still be filed. */
    objection: objection
      ? {
          ...objection,
          filedAt: objection.filedAt.toISOString(),
          documents: filed,
          /** 异议材料 may be added while the objection is open and 公示 runs. */
          canAddDocuments: objection.status === 'open' && publicityOpen && filed.length < maxObjectionDocuments,
        }
      : null,
    canObject: publicityOpen && !objection,
    mechanism: row.draw.mechanism,
    choices: (row.placement.choices ?? []).map((c) => {
      const outcome = row.draw.schoolOutcomes?.find((s) => s.code === c.school);
      return {
        school: names.get(c.school) ?? c.school,
        tier: c.tier,
        tierLabel: rules.tiers?.[c.tier - 1]?.label ?? null,
        reached: c.reached,
        seats: outcome?.seats ?? null,
        cutoff: outcome?.cutoff ?? null,
      };
    }),
  };
}

/**
 * 公示: while a published draw's period runs, each school's admitted applications (number and masked name) and those
 * left for 统筹安排, for everyone to read.
 */
export async function publicityOf(db: Db, seasonId: string, now: Date) {
  const draws = await db
    .select({
      id: placementDraws.id,
      entryId: placementDraws.entryId,
      grade: placementDraws.grade,
      round: placementDraws.round,
      endsAt: placementDraws.publicityEndsAt,
    })
    .from(placementDraws)
    .where(and(eq(placementDraws.seasonId, seasonId), isNotNull(placementDraws.publishedAt), gt(placementDraws.publicityEndsAt, now)));
  if (draws.length === 0) return [];
  const rows = await db
    .select({ drawId: placements.drawId, number: applications.number, child: children.name, school: schools.name })
    .from(placements)
    .innerJoin(applications, eq(applications.id, placements.applicationId))
    .innerJoin(children, eq(children.id, applications.childId))
    .leftJoin(schools, eq(schools.id, placements.schoolId))
    .where(
      inArray(
        placements.drawId,
        draws.map((d) => d.id),
      ),
    )
    .orderBy(asc(applications.number));
  return draws.map((d) => {
    const mine = rows.filter((r) => r.drawId === d.id).map((r) => ({ ...r, child: maskName(r.child) }));
    const schoolNames = [...new Set(mine.filter((r) => r.school).map((r) => r.school!))].sort();
    return {
      entryId: d.entryId,
      grade: d.grade,
      round: d.round,
      endsAt: d.endsAt!.toISOString(),
      schools: schoolNames.map((name) => ({
        name,
        admitted: mine.filter((r) => r.school === name).map((r) => ({ number: r.number, name: r.child })),
      })),
      unplaced: mine.filter((r) => !r.school).map((r) => ({ number: r.number, name: r.child })),
    };
  });
}

import { and, count, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { noRowExists } from '../../../db/exists';
import type { Db } from '../../../db/client';
import { accounts, applications, children, placementDraws, placements } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { placementNotice } from '../../domain/placement/result-notice';
import { noticeStatements } from '../notice-statements';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';
import { lockStatements, propertyClaims } from '../property-locks';
import { offerCatchments, placeOffers } from './offers';
import { placementRulesOf } from './rules';
import { drawColumns, type DrawRow } from './draw';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

/** A seat given up (确认入学 declined, or left unanswered and marked so by the second round) is free again. */
const declinedNot = sql`coalesce(${placements.confirmation}, '') NOT IN ('declined', 'lapsed')`;

/**
 * Each school of a draw's entry and grade with its seats and how many the draw has placed there (not given up). A
 * second round's seats are those it was drawn over (计划学位 less the seats round 1 still held), so a seat is never
 * counted in both rounds.
 */
async function seatsLeft(db: Db, draw: DrawRow) {
  const [offers, taken] = await Promise.all([
    placeOffers(db, draw),
    db
      .select({ schoolId: placements.schoolId, n: count() })
      .from(placements)
      .where(and(eq(placements.drawId, draw.id), isNotNull(placements.schoolId), declinedNot))
      .groupBy(placements.schoolId),
  ]);
  const seatsOf = (o: { code: string; seats: number }) =>
    draw.round === 1 ? o.seats : (draw.schoolOutcomes?.find((s) => s.code === o.code)?.seats ?? 0);
  return offers.map((o) => ({ ...o, seats: seatsOf(o), left: seatsOf(o) - (taken.find((t) => t.schoolId === o.schoolId)?.n ?? 0) }));
}

/** A later round of the same entry and grade has been drawn: the draw's unplaced are now that round's. */
const laterRound = (draw: DrawRow) =>
  and(
    eq(placementDraws.seasonId, draw.seasonId),
    eq(placementDraws.entryId, draw.entryId),
    eq(placementDraws.grade, draw.grade),
    gt(placementDraws.round, draw.round),
  );

/**
 * 统筹安排: the applications of a season's published draws that no choice admitted, each with the schools that still
 * have seats, those serving the family's community first, then most seats left. Per entry and grade, only the latest
 * round drawn: once 第二轮派位 has run, those still unplaced are its own (and none while it is not yet published).
 */
export async function listUnplaced(db: Db, seasonId: string) {
  const all = await db.select(drawColumns).from(placementDraws).where(eq(placementDraws.seasonId, seasonId));
  const latest = (d: DrawRow) => !all.some((o) => o.entryId === d.entryId && o.grade === d.grade && o.round > d.round);
  const draws = all.filter((d) => d.publishedAt !== null && latest(d));
  const out = [];
  for (const draw of draws) {
    const [left, rows] = await Promise.all([
      seatsLeft(db, draw),
      db
        .select({ applicationId: applications.id, number: applications.number, child: children.name, community: applications.community })
        .from(placements)
        .innerJoin(applications, eq(applications.id, placements.applicationId))
        .innerJoin(children, eq(children.id, applications.childId))
        .where(and(eq(placements.drawId, draw.id), isNull(placements.schoolId))),
    ]);
    const served = await offerCatchments(
      db,
      left.map((s) => s.offerId),
    );
    for (const row of rows) {
      const serves = (offerId: string) => served.some((s) => s.offerId === offerId && s.community === row.community);
      const suggestions = left
        .filter((s) => s.left > 0)
        .sort((a, b) => Number(serves(b.offerId)) - Number(serves(a.offerId)) || b.left - a.left)
        .map((s) => ({ schoolId: s.schoolId, name: s.name, left: s.left, servesCommunity: serves(s.offerId) }));
      out.push({ drawId: draw.id, round: draw.round, ...row, suggestions });
    }
  }
  return out;
}

/**
 * Places an unplaced application (统筹安排) at a school with a seat left, audited, the family told by message and SMS.
 * The seat is counted inside the statement: of two administrators giving the last seat, one succeeds.
 */
export async function assignSchool(
  deps: Deps,
  admin: SignedInStaff,
  input: { drawId: string; applicationId: string; schoolId: string },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [found] = await db
    .select({ draw: drawColumns, accountId: accounts.id, phone: accounts.phone, child: children.name })
    .from(placements)
    .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
    .innerJoin(applications, eq(applications.id, placements.applicationId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .innerJoin(children, eq(children.id, applications.childId))
    .where(and(eq(placements.drawId, input.drawId), eq(placements.applicationId, input.applicationId), isNull(placements.schoolId)));
  if (!found?.draw.publishedAt) throw new DomainError('PLACEMENT_DRAWN', '该报名不在待统筹安排的名单中');
  if (await db.$count(placementDraws, laterRound(found.draw)))
    throw new DomainError('PLACEMENT_DRAWN', '该报名入口和年级已进行第二轮派位，请按第二轮的结果统筹安排');
  const school = (await seatsLeft(db, found.draw)).find((s) => s.schoolId === input.schoolId);
  if (!school) throw new DomainError('SCHOOL_NOT_FOUND', '该学校本次没有这个年级的学位');
  if (school.left <= 0) throw new DomainError('PLACEMENT_DRAWN', `「${school.name}」已没有剩余学位`);
  const [propertyClaim, { propertyLockYears }] = await Promise.all([
    propertyClaims(db, and(eq(placements.drawId, input.drawId), eq(placements.applicationId, input.applicationId))),
    placementRulesOf(db, found.draw.seasonId),
  ]);
  const certificateKey = propertyClaim.get(input.applicationId);
  const taken = sql`(SELECT count(*) FROM ${placements} WHERE ${placements.drawId} = ${input.drawId} AND ${placements.schoolId} = ${input.schoolId} AND ${declinedNot})`;
  const notice = placementNotice(found.child, school.name);
  const key = `application:${input.applicationId}:assigned:${input.drawId}`;
  const mine = sql`EXISTS (SELECT 1 FROM ${placements} WHERE ${placements.drawId} = ${input.drawId} AND ${placements.applicationId} = ${input.applicationId} AND ${placements.schoolId} = ${input.schoolId})`;
  const stillOpen = and(
    eq(placements.drawId, input.drawId),
    eq(placements.applicationId, input.applicationId),
    isNull(placements.schoolId),
    sql`${taken} < ${school.seats}`,
    noRowExists(placementDraws, laterRound(found.draw)),
  );
  // The audit entry goes first, on the condition the update then changes: of two assignments, one is audited.
  const [, updated] = await db.batch([
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'placement_assign',
        applicationId: input.applicationId,
        detail: { drawId: input.drawId, before: { schoolId: null }, after: { schoolId: input.schoolId, school: school.name } },
        ...request,
        at: now,
      },
      sql`EXISTS (SELECT 1 FROM ${placements} WHERE ${stillOpen})`,
    ),
    db.update(placements).set({ schoolId: input.schoolId }).where(stillOpen).returning({ applicationId: placements.applicationId }),
    ...noticeStatements(db, {
      accountId: found.accountId,
      phone: found.phone,
      key,
      notice: { title: '统筹安排结果', body: notice.body, sms: notice.sms },
      now,
      won: mine,
    }),
    ...(certificateKey
      ? lockStatements(
          db,
          { applicationId: input.applicationId, certificateKey, schoolId: input.schoolId, at: now, years: propertyLockYears },
          mine,
        )
      : []),
  ]);
  if (updated.length === 0) throw new DomainError('PLACEMENT_DRAWN', '该报名已被安排，或该校学位已满，请刷新后再试');
  return { school: school.name };
}

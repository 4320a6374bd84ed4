import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { applications, placementDraws, placements } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { formatChinaDateTime } from '../../domain/china-time';
import { DomainError } from '../../domain/errors';
import { sha256Hex } from '../../domain/placement/hex';
import { newId } from '../../domain/ids';
import { placeWithSeed } from '../../domain/placement/place';
import { inputsFile, resultsFile } from '../../domain/placement/published-files';
import { secondRoundInput } from '../../domain/placement/second-round';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';
import { placementRows } from './draw';
import { placeOffers } from './offers';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

/** The round-1 rows the second round starts from, with the school the draw itself placed each at. */
async function roundOneRows(db: Db, draw: typeof placementDraws.$inferSelect) {
  const rows = await db
    .select({ placement: placements, number: applications.number })
    .from(placements)
    .innerJoin(applications, eq(applications.id, placements.applicationId))
    .where(eq(placements.drawId, draw.id));
  const published = JSON.parse(draw.results) as { applicants: { number: string; placed: string | null }[] };
  const drawPlaced = new Map(published.applicants.map((a) => [a.number, a.placed]));
  return rows.map((r) => ({ ...r, drawPlaced: drawPlaced.get(r.number) ?? null }));
}

/**
 * 第二轮派位 of a published round-1 draw, once its confirmation deadline has passed: the seats given up (declined, or
 * left unanswered) and never taken go, by the same mechanism and the same seed (each application keeps its lottery
 * number), to the applications left unplaced and to the families who gave up their seat and asked for it (never back
 * to the school they gave up). Its own input and result files and SHA-256, like round 1; published with
 * `publishResults`. The round-1 seats left unanswered are marked given up (`lapsed`) in the same batch. Once per
 * entry and grade: a second answers CONFLICT. Guarded on round 1's seats being as read:
 * a 统筹安排 that lands meanwhile makes this run write nothing.
 */
export async function drawSecondRound(deps: Deps, admin: SignedInStaff, input: { drawId: string }, request: Request) {
  const { db } = deps;
  const now = deps.clock.now();
  const [first] = await db.select().from(placementDraws).where(eq(placementDraws.id, input.drawId));
  if (!first) throw new DomainError('DRAW_NOT_FOUND', '找不到该次派位');
  if (first.round !== 1) throw new DomainError('PLACEMENT_DRAWN', '第二轮派位须从第一轮派位发起');
  if (!first.publishedAt || !first.confirmBy) throw new DomainError('LOTTERY_NOT_YET', '第一轮派位结果公布后才能进行第二轮派位');
  if (first.confirmBy.getTime() > now.getTime())
    throw new DomainError('LOTTERY_NOT_YET', `确认入学截止（${formatChinaDateTime(first.confirmBy)}）后才能进行第二轮派位`);
  const same = and(
    eq(placementDraws.seasonId, first.seasonId),
    eq(placementDraws.entryId, first.entryId),
    eq(placementDraws.grade, first.grade),
  );
  const drawnTwice = () => new DomainError('PLACEMENT_DRAWN', '该报名入口和年级已经进行过第二轮派位');
  if (await db.$count(placementDraws, and(same, eq(placementDraws.round, 2)))) throw drawnTwice();

  const [offers, rows] = await Promise.all([placeOffers(db, first), roundOneRows(db, first)]);
  const codeOf = new Map(offers.map((o) => [o.schoolId, o.code]));
  const {
    input: placementInput,
    withoutChoice,
    lapsed,
  } = secondRoundInput(
    offers.map((o) => ({ code: o.code, seats: o.seats })),
    rows.map((r) => ({
      number: r.number,
      school: r.placement.schoolId ? (codeOf.get(r.placement.schoolId) ?? r.placement.schoolId) : null,
      drawPlaced: r.drawPlaced,
      confirmation: r.placement.confirmation,
      secondRoundRequested: r.placement.secondRoundRequestedAt !== null,
      choices: r.placement.choices ?? [],
    })),
  );
  const result = placeWithSeed(placementInput, first.seed, first.mechanism);
  const inputs = inputsFile(placementInput);
  const inputsSha256 = await sha256Hex(inputs);
  const results = resultsFile(result, first.seed, inputsSha256);
  const resultsSha256 = await sha256Hex(results);

  const idOf = new Map(rows.map((r) => [r.number, r.placement.applicationId]));
  const schoolOf = new Map(offers.map((o) => [o.code, o.schoolId]));
  const seatsGiven = rows.filter((r) => r.placement.schoolId !== null).length;
  const roundOneAsRead = sql`(SELECT count(*) FROM ${placements} WHERE ${and(eq(placements.drawId, first.id), isNotNull(placements.schoolId))}) = ${seatsGiven}`;
  const drawId = newId(deps.random);
  const mine = rowExists(placementDraws, eq(placementDraws.id, drawId));
  const summary = { applicants: result.applicants.length, unplaced: result.unplaced };
  const [inserted] = await db.batch([
    insertWhen(
      db,
      placementDraws,
      {
        id: drawId,
        seasonId: first.seasonId,
        entryId: first.entryId,
        grade: first.grade,
        round: 2,
        mechanism: first.mechanism,
        seed: first.seed,
        inputs,
        inputsSha256,
        results,
        resultsSha256,
        ...summary,
        drawnAt: now,
        drawnBy: admin.staffId,
        schoolOutcomes: result.schools,
      },
      roundOneAsRead,
    )
      .onConflictDoNothing()
      .returning({ id: placementDraws.id }),
    ...placementRows(db, { drawId, result, idOf, schoolOf }, mine),
    ...chunks(lapsed, 500).map((numbers) =>
      db
        .update(placements)
        .set({ confirmation: 'lapsed' })
        .where(
          and(
            eq(placements.drawId, first.id),
            inArray(
              placements.applicationId,
              numbers.map((number) => idOf.get(number)!),
            ),
            isNull(placements.confirmation),
            mine,
          ),
        ),
    ),
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'placement_second_round',
        detail: {
          roundOneDrawId: first.id,
          drawId,
          inputsSha256,
          resultsSha256,
          ...summary,
          lapsed: lapsed.length,
          withoutChoice: withoutChoice.length,
        },
        ...request,
        at: now,
      },
      mine,
    ),
  ]);
  if (inserted.length === 0) {
    if (await db.$count(placementDraws, and(same, eq(placementDraws.round, 2)))) throw drawnTwice();
    throw new DomainError('PLACEMENT_DRAWN', '统筹安排刚有变动，请刷新后再进行第二轮派位');
  }
  return { id: drawId, seed: first.seed, inputsSha256, resultsSha256, ...summary };
}

/** `items` in runs of at most `size` (a statement's bound parameters are limited). */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

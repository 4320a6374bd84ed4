import { and, asc, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowExists } from '../../../db/exists';
import { insertManyWhen } from '../../../db/insert-when';
import { applications, lotteryObservers, placementDraws, placements } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { sha256Hex } from '../../domain/placement/hex';
import { newId } from '../../domain/ids';
import { seedOf } from '../../domain/placement/lottery';
import { placeWithSeed } from '../../domain/placement/place';
import type { PlacementResult } from '../../domain/placement/result';
import { inputsFile, resultsFile } from '../../domain/placement/published-files';
import { lotteryPhase } from '../../domain/placement/rules-change';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';
import { placementInputOf } from './dry-run';
import { seasonWindows } from './observers';

/**
 * Every column of a draw but its published files, which can be megabytes each for a county: what every read that is
 * not the file itself selects (a family's 报名进度, 确认入学, 异议, 统筹安排).
 */
const { inputs: _inputs, results: _results, ...drawColumns } = getTableColumns(placementDraws);
export { drawColumns };

/** A draw as `drawColumns` reads it. */
export type DrawRow = Omit<typeof placementDraws.$inferSelect, 'inputs' | 'results'>;

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

/**
 * The real draw of one entry and grade, once every window of the season has closed and at least two observers have
 * revealed: the seed from their reveals (observer id = the published name), the placement under the season's
 * mechanism, the anonymised input and result files with their SHA-256, and each application's outcome, in one batch.
 * One draw per entry and grade (round 1; 第二轮派位 is `drawSecondRound`): a second answers CONFLICT and writes nothing.
 */
export async function drawPlacement(
  deps: Deps,
  admin: SignedInStaff,
  input: { seasonId: string; entryId: string; grade: number },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  if (lotteryPhase(await seasonWindows(db, input.seasonId), now) !== 'revealing')
    throw new DomainError('LOTTERY_NOT_YET', '报名全部截止后才能正式派位');
  const observers = await db.select().from(lotteryObservers).where(eq(lotteryObservers.seasonId, input.seasonId));
  if (observers.length < 2) throw new DomainError('LOTTERY_NOT_YET', '至少需要两名摇号监督人登记并公开秘密随机数');
  const unrevealed = observers.filter((o) => o.contribution === null).map((o) => o.name);
  if (unrevealed.length) throw new DomainError('LOTTERY_NOT_YET', `还有监督人未公开秘密随机数：${unrevealed.join('、')}`);
  const seed = await seedOf(observers.map((o) => ({ observerId: o.name, contribution: o.contribution! })));
  const { rules, input: placementInput, offers } = await placementInputOf(db, input);
  const result = placeWithSeed(placementInput, seed, rules.mechanism);
  const inputs = inputsFile(placementInput);
  const inputsSha256 = await sha256Hex(inputs);
  const results = resultsFile(result, seed, inputsSha256);
  const resultsSha256 = await sha256Hex(results);

  const numbers = result.applicants.map((a) => a.number);
  const idOf = new Map(
    numbers.length === 0
      ? []
      : (
          await db
            .select({ id: applications.id, number: applications.number })
            .from(applications)
            .where(and(eq(applications.seasonId, input.seasonId), inArray(applications.number, numbers)))
        ).map((a) => [a.number, a.id]),
  );
  const schoolOf = new Map(offers.map((o) => [o.code, o.schoolId]));
  const drawId = newId(deps.random);
  const mine = rowExists(placementDraws, eq(placementDraws.id, drawId));
  const [inserted] = await db.batch([
    db
      .insert(placementDraws)
      .values({
        id: drawId,
        ...input,
        mechanism: rules.mechanism,
        seed,
        inputs,
        inputsSha256,
        results,
        resultsSha256,
        applicants: result.applicants.length,
        unplaced: result.unplaced,
        drawnAt: now,
        drawnBy: admin.staffId,
        schoolOutcomes: result.schools,
      })
      .onConflictDoNothing()
      .returning({ id: placementDraws.id }),
    ...placementRows(db, { drawId, result, idOf, schoolOf }, mine),
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'placement_draw',
        detail: { ...input, seed, inputsSha256, resultsSha256, applicants: result.applicants.length, unplaced: result.unplaced },
        ...request,
        at: now,
      },
      mine,
    ),
  ]);
  if (inserted.length === 0) throw new DomainError('PLACEMENT_DRAWN', '该报名入口和年级已经正式派位');
  return { id: drawId, seed, inputsSha256, resultsSha256, applicants: result.applicants.length, unplaced: result.unplaced };
}

/** The draws of the region's season, both rounds (what everyone may check): seed, mechanism, file hashes, counts, when. */
export async function listDraws(db: Db, seasonId: string) {
  const rows = await db
    .select({
      id: placementDraws.id,
      entryId: placementDraws.entryId,
      grade: placementDraws.grade,
      round: placementDraws.round,
      mechanism: placementDraws.mechanism,
      seed: placementDraws.seed,
      inputsSha256: placementDraws.inputsSha256,
      resultsSha256: placementDraws.resultsSha256,
      applicants: placementDraws.applicants,
      unplaced: placementDraws.unplaced,
      drawnAt: placementDraws.drawnAt,
      publishedAt: placementDraws.publishedAt,
      confirmBy: placementDraws.confirmBy,
    })
    .from(placementDraws)
    .where(eq(placementDraws.seasonId, seasonId))
    .orderBy(asc(placementDraws.drawnAt), asc(placementDraws.round));
  return rows.map((r) => ({
    ...r,
    drawnAt: r.drawnAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    /** 确认入学 closes then; 第二轮派位 may run after it. */
    confirmBy: r.confirmBy?.toISOString() ?? null,
  }));
}

/** A draw's published file (the anonymised inputs or the results), as stored byte for byte. */
export async function drawFile(db: Db, drawId: string, file: 'inputs' | 'results') {
  // Only the file asked for: each can be megabytes for a county.
  const [row] = await db
    .select({ text: file === 'inputs' ? placementDraws.inputs : placementDraws.results })
    .from(placementDraws)
    .where(eq(placementDraws.id, drawId));
  return row?.text ?? null;
}

/**
 * Each application's outcome of a draw (either round) as rows of `placements`, a thousand per statement, written only
 * if `onlyIf` holds (this request's draw row went in): `idOf` maps an application number to its id, `schoolOf` a school
 * code to its id.
 */
export function placementRows(
  db: Db,
  draw: { drawId: string; result: PlacementResult; idOf: ReadonlyMap<string, string>; schoolOf: ReadonlyMap<string, string> },
  onlyIf: SQL,
) {
  return insertManyWhen(
    db,
    placements,
    draw.result.applicants.map((a) => ({
      drawId: draw.drawId,
      applicationId: draw.idOf.get(a.number)!,
      schoolId: a.placed ? draw.schoolOf.get(a.placed)! : null,
      lottery: a.lottery,
      choices: a.choices,
    })),
    onlyIf,
  );
}

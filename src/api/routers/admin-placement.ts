import {
  assignSchoolInput,
  decideObjectionInput,
  demandNoticeInput,
  publishResultsInput,
  dryRunInput,
  recordCommitmentInput,
  revealContributionInput,
  seasonPlacementInput,
  secondRoundInput,
  updatePlacementRulesInput,
} from '../../schemas/placement';
import { assignSchool, listUnplaced } from '../../services/placement/assign';
import { drawPlacement, listDraws } from '../../services/placement/draw';
import { dryRun } from '../../services/placement/dry-run';
import { listObservers, recordCommitment, revealContribution } from '../../services/placement/observers';
import { placementRulesOf, updatePlacementRules } from '../../services/placement/rules';
import { decideObjection, listObjections } from '../../services/placement/objections';
import { publishResults } from '../../services/placement/results';
import { publishDemandNotice, seatDemand } from '../../services/placement/seat-demand';
import { drawSecondRound } from '../../services/placement/second-round';
import { router, staffProcedure } from '../trpc';

/** `admin.placement.*`: a season's 派位规则 and its lottery's observers. Administrators change them; county reviewers read. */
export const adminPlacementRouter = router({
  rules: staffProcedure('admin', 'county_reviewer')
    .input(seasonPlacementInput)
    .query(({ ctx, input }) => placementRulesOf(ctx.deps.db, input.seasonId)),
  updateRules: staffProcedure('admin')
    .input(updatePlacementRulesInput)
    .mutation(({ ctx, input }) => updatePlacementRules(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  observers: staffProcedure('admin', 'county_reviewer')
    .input(seasonPlacementInput)
    .query(({ ctx, input }) => listObservers(ctx.deps.db, input.seasonId, ctx.deps.clock.now())),
  recordCommitment: staffProcedure('admin')
    .input(recordCommitmentInput)
    .mutation(({ ctx, input }) => recordCommitment(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  /** 模拟派位: one entry and grade with a throwaway seed, both mechanisms side by side; nothing is kept but the audit entry. */
  dryRun: staffProcedure('admin')
    .input(dryRunInput)
    .mutation(({ ctx, input }) => dryRun(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  /** 学位预警: each school's places against its first-choice applications so far (a school reviewer: their school). */
  seatDemand: staffProcedure('admin', 'county_reviewer', 'school_reviewer')
    .input(dryRunInput)
    .query(({ ctx, input }) => seatDemand(ctx.deps.db, ctx.staff, input)),
  demandNotice: staffProcedure('admin')
    .input(demandNoticeInput)
    .mutation(({ ctx, input }) => publishDemandNotice(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  /** The real draw of one entry and grade: once, after the close, from the observers' reveals. */
  draw: staffProcedure('admin')
    .input(dryRunInput)
    .mutation(({ ctx, input }) => drawPlacement(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  /** 第二轮派位 of a published round-1 draw, after its confirmation deadline: the seats given up, once. */
  secondRound: staffProcedure('admin')
    .input(secondRoundInput)
    .mutation(({ ctx, input }) => drawSecondRound(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  draws: staffProcedure('admin', 'county_reviewer')
    .input(seasonPlacementInput)
    .query(({ ctx, input }) => listDraws(ctx.deps.db, input.seasonId)),
  /** Sends a draw's results to every family in it (message and SMS), once. */
  publishResults: staffProcedure('admin')
    .input(publishResultsInput)
    .mutation(({ ctx, input }) => publishResults(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId }, ctx.afterResponse)),
  objections: staffProcedure('admin', 'county_reviewer')
    .input(seasonPlacementInput)
    .query(({ ctx, input }) => listObjections(ctx.deps.db, ctx.staff, input.seasonId)),
  /** Upholds (placing the application elsewhere, if given) or dismisses an objection: not by the results' publisher. */
  decideObjection: staffProcedure('admin')
    .input(decideObjectionInput)
    .mutation(({ ctx, input }) => decideObjection(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  /** 统筹安排: the applications no choice admitted, with the schools that still have seats. */
  unplaced: staffProcedure('admin', 'county_reviewer')
    .input(seasonPlacementInput)
    .query(({ ctx, input }) => listUnplaced(ctx.deps.db, input.seasonId)),
  assignSchool: staffProcedure('admin')
    .input(assignSchoolInput)
    .mutation(({ ctx, input }) => assignSchool(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  reveal: staffProcedure('admin')
    .input(revealContributionInput)
    .mutation(({ ctx, input }) => revealContribution(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
});

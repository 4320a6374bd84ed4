import {
  integrationDecideInput,
  integrationDecideOutput,
  integrationPlacementsInput,
  integrationPlacementsOutput,
  integrationSchoolsOutput,
  integrationStatisticsInput,
  integrationStatisticsOutput,
  whoamiOutput,
} from '../../schemas/integration';
import { integrationPlacements, integrationSchools, integrationStatistics, whoami } from '../../services/integration/reads';
import { decide } from '../../services/review/decide';
import { integrationProcedure, router } from '../trpc';

/**
 * What systems do with an integration key (学籍, the bureau's reporting, a mini-program front): each procedure names
 * the scope it needs, and every answer has a schema integrators can rely on.
 */
export const integrationRouter = router({
  /** Any valid key: its name, scopes, school and expiry. */
  whoami: integrationProcedure()
    .output(whoamiOutput)
    .query(({ ctx }) => whoami(ctx.key)),
  /** Each region's published season with its schools and their 计划学位. */
  schools: integrationProcedure('catalog.read')
    .output(integrationSchoolsOutput)
    .query(({ ctx }) => integrationSchools(ctx.deps, ctx.key)),
  /** A school's approved, placed and confirmed applications (audited per application). */
  placements: integrationProcedure('placements.read')
    .input(integrationPlacementsInput)
    .output(integrationPlacementsOutput)
    .query(({ ctx, input }) => integrationPlacements(ctx.deps, ctx.key, input, { ip: ctx.ip, requestId: ctx.requestId })),
  /** Applications per first-choice school and status. */
  statistics: integrationProcedure('statistics.read')
    .input(integrationStatisticsInput)
    .output(integrationStatisticsOutput)
    .query(({ ctx, input }) => integrationStatistics(ctx.deps, ctx.key, input ?? {})),
  /** The school's decision (学校审核通过 / 驳回) on an application naming it first. */
  decide: integrationProcedure('decisions.write')
    .input(integrationDecideInput)
    .output(integrationDecideOutput)
    .mutation(({ ctx, input }) =>
      decide(ctx.deps, { kind: 'key', key: ctx.key, ip: ctx.ip, requestId: ctx.requestId }, input, ctx.afterResponse),
    ),
});

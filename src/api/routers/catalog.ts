import { entryInput, regionInput, regionOutput, regionsOutput, schoolsInput } from '../../schemas/catalog';
import * as catalog from '../../services/catalog';
import { publicPlacement } from '../../services/placement/public';
import { privacyNotice } from '../../domain/privacy-notice';
import { publicProcedure, router } from '../trpc';

/** Public: what any parent or integrator may read before signing in. */
export const catalogRouter = router({
  regions: publicProcedure.output(regionsOutput).query(({ ctx }) => catalog.listRegions(ctx.deps.db)),
  /** 个人信息保护告知书: the text a guardian consents to at sign-in, and its version (`auth.signIn` `acceptedNotice`). */
  privacyNotice: publicProcedure.query(() => privacyNotice),
  region: publicProcedure
    .input(regionInput)
    .output(regionOutput)
    .query(({ ctx, input }) => catalog.getRegion(ctx.deps.db, input.regionId, ctx.deps.clock.now(), ctx.deps.catalog)),
  channels: publicProcedure
    .input(entryInput)
    .query(({ ctx, input }) => catalog.listChannels(ctx.deps.db, input.entryId, ctx.deps.clock.now(), ctx.deps.catalog)),
  schools: publicProcedure.input(schoolsInput).query(({ ctx, input }) => catalog.listSchools(ctx.deps.db, input)),
  communities: publicProcedure.input(regionInput).query(({ ctx, input }) => catalog.listCommunities(ctx.deps.db, input.regionId)),
  pages: publicProcedure
    .input(regionInput)
    .query(({ ctx, input }) => catalog.listPages(ctx.deps.db, input.regionId, ctx.deps.renderMarkdown, ctx.deps.catalog)),
  /** 派位规则 and the lottery's public commitments of the region's current season. */
  placement: publicProcedure
    .input(regionInput)
    .query(({ ctx, input }) => publicPlacement(ctx.deps.db, input.regionId, ctx.deps.clock.now())),
});

import { entryInput, regionInput, regionOutput, regionsOutput, schoolsInput } from '../../schemas/catalog';
import * as catalog from '../../services/catalog';
import { publicPlacement } from '../../services/placement/public';
import { privacyNotice } from '../../domain/privacy-notice';
import { shareableForMs } from '../../domain/shared-answer';
import { catalogFreshMs } from '../../services/catalog-cache';
import type { Context } from '../context';
import { publicProcedure, router } from '../trpc';

type WindowTimes = { opensAt: string; closesAt: string };

/** The same answer for anyone until the catalog is read again or a window opens or closes (decision 037). */
function shareUntilWindowsChange(ctx: Context, now: Date, windows: WindowTimes[]) {
  ctx.shareAnswer(
    shareableForMs(
      now,
      windows.flatMap((w) => [new Date(w.opensAt), new Date(w.closesAt)]),
      catalogFreshMs,
    ),
  );
}

/** Public: what any parent or integrator may read before signing in. */
export const catalogRouter = router({
  regions: publicProcedure.output(regionsOutput).query(({ ctx }) => catalog.listRegions(ctx.deps.db)),
  /** 个人信息保护告知书: the text a guardian consents to at sign-in, and its version (`auth.signIn` `acceptedNotice`). */
  privacyNotice: publicProcedure.query(() => privacyNotice),
  region: publicProcedure
    .input(regionInput)
    .output(regionOutput)
    .query(async ({ ctx, input }) => {
      const now = ctx.deps.clock.now();
      const region = await catalog.getRegion(ctx.deps.db, input.regionId, now, ctx.deps.catalog);
      shareUntilWindowsChange(
        ctx,
        now,
        region.entries.map((e) => e.window),
      );
      return region;
    }),
  channels: publicProcedure.input(entryInput).query(async ({ ctx, input }) => {
    const now = ctx.deps.clock.now();
    const channels = await catalog.listChannels(ctx.deps.db, input.entryId, now, ctx.deps.catalog);
    shareUntilWindowsChange(ctx, now, [channels.entry.window]);
    return channels;
  }),
  schools: publicProcedure.input(schoolsInput).query(({ ctx, input }) => catalog.listSchools(ctx.deps.db, input)),
  communities: publicProcedure.input(regionInput).query(({ ctx, input }) => catalog.listCommunities(ctx.deps.db, input.regionId)),
  pages: publicProcedure.input(regionInput).query(async ({ ctx, input }) => {
    const pages = await catalog.listPages(ctx.deps.db, input.regionId, ctx.deps.renderMarkdown, ctx.deps.catalog);
    ctx.shareAnswer(catalogFreshMs);
    return pages;
  }),
  /** 派位规则 and the lottery's public commitments of the region's current season. */
  placement: publicProcedure
    .input(regionInput)
    .query(({ ctx, input }) => publicPlacement(ctx.deps.db, input.regionId, ctx.deps.clock.now())),
});

import { seasonInput } from '../../schemas/admin';
import { setRetentionInput } from '../../schemas/retention';
import { previewRetention, setRetention } from '../../services/admin/retention';
import { router, staffProcedure } from '../trpc';

/** `admin.retention.*`: a season's retention date and the dry run of its purge (the purge itself runs in the sweep). */
export const adminRetentionRouter = router({
  set: staffProcedure('admin')
    .input(setRetentionInput)
    .mutation(({ ctx, input }) => setRetention(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  preview: staffProcedure('admin')
    .input(seasonInput)
    .query(({ ctx, input }) => previewRetention(ctx.deps.db, input.seasonId)),
});

import { createRegionInput, reorderRegionsInput, updateRegionInput } from '../../schemas/regions';
import { createRegion, listRegionsForStaff, reorderRegions, updateRegion } from '../../services/regions/admin';
import { router, staffProcedure } from '../trpc';

/** `admin.regions.*`: the towns of the county. Administrators change them; county reviewers may read them. */
export const adminRegionsRouter = router({
  list: staffProcedure('admin', 'county_reviewer').query(({ ctx }) => listRegionsForStaff(ctx.deps.db)),
  create: staffProcedure('admin')
    .input(createRegionInput)
    .mutation(({ ctx, input }) => createRegion(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  update: staffProcedure('admin')
    .input(updateRegionInput)
    .mutation(({ ctx, input }) => updateRegion(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  reorder: staffProcedure('admin')
    .input(reorderRegionsInput)
    .mutation(({ ctx, input }) => reorderRegions(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
});

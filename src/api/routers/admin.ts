import { createStaffInput, updateStaffInput } from '../../schemas/review';
import { createStaff, listStaff, updateStaff } from '../../services/staff/accounts';
import { router, staffProcedure } from '../trpc';

/** Administrators: staff accounts. */
export const adminRouter = router({
  staff: staffProcedure('admin').query(({ ctx }) => listStaff(ctx.deps.db, ctx.deps.clock.now())),
  createStaff: staffProcedure('admin').input(createStaffInput)
    .mutation(({ ctx, input }) => createStaff(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  updateStaff: staffProcedure('admin').input(updateStaffInput)
    .mutation(({ ctx, input }) => updateStaff(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
});

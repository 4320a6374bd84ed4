import { createStaffInput, updateStaffInput } from '../../schemas/review';
import {
  acknowledgeAlertInput,
  createPageInput,
  orderPagesInput,
  retryDeadLetterInput,
  seasonPagesInput,
  updatePageInput,
} from '../../schemas/admin';
import { acknowledgeAlert, openAlerts } from '../../services/alerts';
import { deadLetters, retryDeadLetter } from '../../services/dead-letters';
import { createPage, listSeasonPages, orderPages, updatePage } from '../../services/policy-pages';
import { createStaff, listStaff, updateStaff } from '../../services/staff/accounts';
import { router, staffProcedure } from '../trpc';

/** Administrators: staff accounts, alarms (e.g. the hourly SMS budget used up), the seasons' policy pages. */
export const adminRouter = router({
  staff: staffProcedure('admin').query(({ ctx }) => listStaff(ctx.deps.db, ctx.deps.clock.now())),
  createStaff: staffProcedure('admin')
    .input(createStaffInput)
    .mutation(({ ctx, input }) => createStaff(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  updateStaff: staffProcedure('admin')
    .input(updateStaffInput)
    .mutation(({ ctx, input }) => updateStaff(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  alerts: staffProcedure('admin').query(({ ctx }) => openAlerts(ctx.deps.db)),
  acknowledgeAlert: staffProcedure('admin')
    .input(acknowledgeAlertInput)
    .mutation(({ ctx, input }) => acknowledgeAlert(ctx.deps, ctx.staff, input.alertId, { ip: ctx.ip, requestId: ctx.requestId })),
  deadLetters: staffProcedure('admin').query(({ ctx }) => deadLetters(ctx.deps.db)),
  retryDeadLetter: staffProcedure('admin')
    .input(retryDeadLetterInput)
    .mutation(({ ctx, input }) => retryDeadLetter(ctx.deps, ctx.staff, input.outboxId, { ip: ctx.ip, requestId: ctx.requestId })),
  /** The seasons' policy pages with Markdown and rendered HTML; county reviewers may read them. */
  pages: staffProcedure('admin', 'county_reviewer')
    .input(seasonPagesInput)
    .query(({ ctx, input }) => listSeasonPages(ctx.deps.db, input?.seasonId)),
  updatePage: staffProcedure('admin')
    .input(updatePageInput)
    .mutation(({ ctx, input }) => updatePage(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  createPage: staffProcedure('admin')
    .input(createPageInput)
    .mutation(({ ctx, input }) => createPage(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  orderPages: staffProcedure('admin')
    .input(orderPagesInput)
    .mutation(({ ctx, input }) => orderPages(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
});

import { createStaffInput, updateStaffInput } from '../../schemas/review';
import { importSchoolsInput } from '../../schemas/schools';
import {
  acknowledgeAlertInput,
  changeWindowInput,
  copySeasonInput,
  createPageInput,
  orderPagesInput,
  publishSeasonInput,
  retryDeadLetterInput,
  seasonInput,
  seasonPagesInput,
  updatePageInput,
} from '../../schemas/admin';
import { checkSeason, copySeason, listSeasons, publishSeason } from '../../services/admin/seasons';
import { importSchools } from '../../services/admin/school-import';
import { changeWindow, listWindows } from '../../services/admin/windows';
import { acknowledgeAlert, openAlerts } from '../../services/alerts';
import { deadLetters, retryDeadLetter } from '../../services/dead-letters';
import { createPage, listSeasonPages, orderPages, updatePage } from '../../services/policy-pages';
import { createStaff, listStaff, updateStaff } from '../../services/staff/accounts';
import { router, staffProcedure } from '../trpc';
import { adminChannelsRouter } from './admin-channels';
import { adminIntegrationKeysRouter } from './admin-integration-keys';
import { adminPlacementRouter } from './admin-placement';
import { adminRegionsRouter } from './admin-regions';
import { adminRetentionRouter } from './admin-retention';
import { adminCommunitiesRouter, adminSchoolsRouter } from './admin-schools';

/** Administrators: the towns of the county, seasons and their windows and policy pages, staff accounts, and alarms. */
export const adminRouter = router({
  regions: adminRegionsRouter,
  channels: adminChannelsRouter,
  placement: adminPlacementRouter,
  schools: adminSchoolsRouter,
  communities: adminCommunitiesRouter,
  retention: adminRetentionRouter,
  integrationKeys: adminIntegrationKeysRouter,
  /** Schools and communities from a spreadsheet's rows (with their row numbers): all written, or every bad row answered. */
  importSchools: staffProcedure('admin')
    .input(importSchoolsInput)
    .mutation(({ ctx, input }) => importSchools(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
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
  /** The entries' registration windows (county reviewers read them too). */
  windows: staffProcedure('admin', 'county_reviewer').query(({ ctx }) => listWindows(ctx.deps.db, ctx.deps.clock.now())),
  /** Every region's seasons, drafts included (county reviewers read them too). */
  seasons: staffProcedure('admin', 'county_reviewer').query(({ ctx }) => listSeasons(ctx.deps.db)),
  checkSeason: staffProcedure('admin', 'county_reviewer')
    .input(seasonInput)
    .query(({ ctx, input }) => checkSeason(ctx.deps.db, input.seasonId)),
  copySeason: staffProcedure('admin')
    .input(copySeasonInput)
    .mutation(({ ctx, input }) => copySeason(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  publishSeason: staffProcedure('admin')
    .input(publishSeasonInput)
    .mutation(({ ctx, input }) => publishSeason(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  changeWindow: staffProcedure('admin')
    .input(changeWindowInput)
    .mutation(({ ctx, input }) => changeWindow(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  /** The seasons' policy pages with Markdown and rendered HTML; county reviewers may read them. */
  pages: staffProcedure('admin', 'county_reviewer')
    .input(seasonPagesInput)
    .query(({ ctx, input }) => listSeasonPages(ctx.deps.db, ctx.deps.renderMarkdown, input?.seasonId)),
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

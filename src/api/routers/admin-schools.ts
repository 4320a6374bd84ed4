import {
  createCommunityInput,
  createSchoolInput,
  regionCommunitiesInput,
  removeSchoolInput,
  seasonSchoolsInput,
  updateSchoolInput,
} from '../../schemas/schools';
import { createCommunity, listCommunities } from '../../services/admin/communities';
import { createSeasonSchool, listSeasonSchools, removeSeasonSchool, updateSeasonSchool } from '../../services/admin/schools';
import { router, staffProcedure } from '../trpc';

/** `admin.schools.*`: a season's schools (places, catchment, address, phone). Administrators change them; county reviewers read. */
export const adminSchoolsRouter = router({
  list: staffProcedure('admin', 'county_reviewer')
    .input(seasonSchoolsInput)
    .query(({ ctx, input }) => listSeasonSchools(ctx.deps.db, input.seasonId)),
  create: staffProcedure('admin')
    .input(createSchoolInput)
    .mutation(({ ctx, input }) => createSeasonSchool(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  update: staffProcedure('admin')
    .input(updateSchoolInput)
    .mutation(({ ctx, input }) => updateSeasonSchool(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  remove: staffProcedure('admin')
    .input(removeSchoolInput)
    .mutation(({ ctx, input }) => removeSeasonSchool(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
});

/** `admin.communities.*`: a region's communities (社区/村) that schools' catchments name. */
export const adminCommunitiesRouter = router({
  list: staffProcedure('admin', 'county_reviewer')
    .input(regionCommunitiesInput)
    .query(({ ctx, input }) => listCommunities(ctx.deps.db, input.regionId)),
  create: staffProcedure('admin')
    .input(createCommunityInput)
    .mutation(({ ctx, input }) => createCommunity(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
});

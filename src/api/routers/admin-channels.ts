import {
  createChannelInput,
  deleteChannelInput,
  reorderChannelsInput,
  seasonChannelsInput,
  updateChannelInput,
} from '../../schemas/channels';
import { createChannel, deleteChannel, listSeasonChannels, reorderChannels, updateChannel } from '../../services/admin/channels';
import { router, staffProcedure } from '../trpc';

/** `admin.channels.*`: a season's 报名通道. Administrators change them; county reviewers may read the list. */
export const adminChannelsRouter = router({
  list: staffProcedure('admin', 'county_reviewer')
    .input(seasonChannelsInput)
    .query(({ ctx, input }) => listSeasonChannels(ctx.deps.db, input.seasonId)),
  update: staffProcedure('admin')
    .input(updateChannelInput)
    .mutation(({ ctx, input }) => updateChannel(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId }, ctx.afterResponse)),
  create: staffProcedure('admin')
    .input(createChannelInput)
    .mutation(({ ctx, input }) => createChannel(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  reorder: staffProcedure('admin')
    .input(reorderChannelsInput)
    .mutation(({ ctx, input }) => reorderChannels(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  remove: staffProcedure('admin')
    .input(deleteChannelInput)
    .mutation(({ ctx, input }) => deleteChannel(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
});

import { listMessagesInput, markReadInput } from '../../schemas/messages';
import * as messages from '../../services/messages';
import { parentProcedure, router } from '../trpc';

/** 我的消息 and the red dot on the home page. */
export const messagesRouter = router({
  list: parentProcedure.input(listMessagesInput).query(({ ctx, input }) =>
    messages.listMessages(ctx.deps.db, ctx.parent.accountId, {
      limit: input.limit,
      before: input.before ? new Date(input.before) : undefined,
    }),
  ),
  unreadCount: parentProcedure.query(async ({ ctx }) => ({ count: await messages.unreadCount(ctx.deps.db, ctx.parent.accountId) })),
  markRead: parentProcedure.input(markReadInput).mutation(async ({ ctx, input }) => ({
    marked: await messages.markRead(ctx.deps.db, ctx.parent.accountId, input.ids, ctx.deps.clock.now()),
  })),
});

import { addChildInput, childInput, renameChildInput } from '../../schemas/children';
import * as children from '../../services/children';
import { parentProcedure, router } from '../trpc';

/** 我的孩子: a parent's own children only; another parent's child is "not found". */
export const childrenRouter = router({
  list: parentProcedure.query(({ ctx }) => children.listChildren(ctx.deps, ctx.parent.accountId)),
  add: parentProcedure.input(addChildInput).mutation(({ ctx, input }) => children.addChild(ctx.deps, ctx.parent.accountId, input, ctx.ip)),
  rename: parentProcedure.input(renameChildInput).mutation(({ ctx, input }) => children.renameChild(ctx.deps, ctx.parent.accountId, input)),
  remove: parentProcedure.input(childInput).mutation(({ ctx, input }) => children.removeChild(ctx.deps, ctx.parent.accountId, input)),
});

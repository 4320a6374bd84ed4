import { addChildInput, childInput, claimChildInput, renameChildInput } from '../../schemas/children';
import { claimChild } from '../../services/binding-appeals/claim';
import { listOwnClaims } from '../../services/binding-appeals/views';
import { removalPreview } from '../../services/child-removal';
import * as children from '../../services/children';
import { parentProcedure, router } from '../trpc';

/** 我的孩子: a parent's own children only; another parent's child is "not found". */
export const childrenRouter = router({
  list: parentProcedure.query(({ ctx }) => children.listChildren(ctx.deps, ctx.parent.accountId)),
  add: parentProcedure.input(addChildInput).mutation(({ ctx, input }) => children.addChild(ctx.deps, ctx.parent.accountId, input, ctx.ip)),
  rename: parentProcedure.input(renameChildInput).mutation(({ ctx, input }) => children.renameChild(ctx.deps, ctx.parent.accountId, input)),
  /** Before 删除孩子: the drafts and uploaded files that would go with the child. */
  removalPreview: parentProcedure
    .input(childInput)
    .query(({ ctx, input }) => removalPreview(ctx.deps.db, ctx.parent.accountId, input.childId)),
  remove: parentProcedure.input(childInput).mutation(({ ctx, input }) => children.removeChild(ctx.deps, ctx.parent.accountId, input)),
  /** 绑定申诉 on a child another account holds: settled at once by the records, or left for staff. */
  claim: parentProcedure
    .input(claimChildInput)
    .mutation(({ ctx, input }) =>
      claimChild(ctx.deps, ctx.parent.accountId, input, { ip: ctx.ip, requestId: ctx.requestId }, ctx.afterResponse),
    ),
  /** 我的申诉: the claims this account filed. */
  claims: parentProcedure.query(({ ctx }) => listOwnClaims(ctx.deps.db, ctx.parent.accountId)),
});

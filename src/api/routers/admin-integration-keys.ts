import { createIntegrationKeyInput, revokeIntegrationKeyInput, rotateIntegrationKeyInput } from '../../schemas/integration';
import {
  createIntegrationKey,
  listIntegrationKeys,
  revokeIntegrationKey,
  rotateIntegrationKey,
} from '../../services/admin/integration-keys';
import { router, staffProcedure } from '../trpc';

/** 集成密钥: administrators create keys for systems (the secret shown once), rotate and revoke them. */
export const adminIntegrationKeysRouter = router({
  list: staffProcedure('admin').query(({ ctx }) => listIntegrationKeys(ctx.deps)),
  create: staffProcedure('admin')
    .input(createIntegrationKeyInput)
    .mutation(({ ctx, input }) => createIntegrationKey(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  rotate: staffProcedure('admin')
    .input(rotateIntegrationKeyInput)
    .mutation(({ ctx, input }) => rotateIntegrationKey(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
  revoke: staffProcedure('admin')
    .input(revokeIntegrationKeyInput)
    .mutation(({ ctx, input }) => revokeIntegrationKey(ctx.deps, ctx.staff, input, { ip: ctx.ip, requestId: ctx.requestId })),
});

import { DomainError } from '../../domain/errors';
import { phoneSchema } from '../../schemas/auth';
import * as z from '../../schemas/zod';
import { devInbox } from '../../services/dev-inbox';
import { publicProcedure, router } from '../trpc';

/** Demo-mode helpers (`ENROLL_DEV=1`). Outside demo mode they do not exist (NOT_FOUND). */
const devProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.deps.dev) throw new DomainError('DEV_ONLY', '该功能仅在演示模式下可用');
  return next();
});

export const devRouter = router({
  /** The dev SMS inbox: read sign-in codes without a phone. */
  inbox: devProcedure
    .input(z.object({ phone: phoneSchema.optional() }).default({}))
    .query(({ ctx, input }) => devInbox(ctx.deps.db, input.phone)),
});

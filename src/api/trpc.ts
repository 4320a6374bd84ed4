import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import type { Context } from './context';
import { internalErrorMessage, toTRPCError } from './errors';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const validation = cause instanceof z.ZodError ? z.flattenError(cause) : null;
    const message = error.code === 'INTERNAL_SERVER_ERROR'
      ? internalErrorMessage
      : validation ? (cause as z.ZodError).issues[0]?.message ?? '输入有误' : shape.message;
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        domainCode: cause instanceof DomainError ? cause.code : null,
        fieldErrors: validation?.fieldErrors ?? null,
        formErrors: validation?.formErrors ?? null,
      },
    };
  },
});

/** Turns a rule's DomainError into its transport code, so services never import tRPC. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(domainErrors);
export const createCallerFactory = t.createCallerFactory;
export { TRPCError };

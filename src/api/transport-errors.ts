import { getTRPCErrorShape, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { transportMessages } from './errors';
import { trpcConfig } from './trpc';

/**
 * The JSON body of an error raised in front of tRPC (the body limit, the batch cap): the same shape, through the same
 * formatter, as every other tRPC error, so clients and pages read `error.data.code` and a zh-CN `error.message` alike.
 */
export function transportErrorBody(error: TRPC_ERROR_CODE_KEY | TRPCError) {
  const raised = typeof error === 'string' ? new TRPCError({ code: error, message: transportMessages[error] ?? error }) : error;
  return {
    error: getTRPCErrorShape({
      config: trpcConfig,
      error: raised,
      type: 'unknown',
      path: undefined,
      input: undefined,
      ctx: undefined,
    }),
  };
}

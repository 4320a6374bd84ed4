import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Context as HonoContext, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../domain/errors';
import { maxBatchSize } from '../domain/limits';
import { toTRPCError } from './errors';
import { transportErrorBody } from './transport-errors';

/** How many calls a `/trpc/a,b,c?batch=1` request carries (1 when it is not a batch). */
export function batchCalls(path: string, batch: string | undefined): number {
  if (batch !== '1') return 1;
  return path.replace(/^\/trpc\/?/, '').split(',').length;
}

/**
 * Refuses a batch of more than `maxBatchSize` calls before any of them runs, in the usual tRPC error shape (our
 * formatter: zh-CN message, `domainCode: 'BATCH_TOO_LARGE'`). Our clients split larger batches themselves.
 */
export async function batchTooLarge(c: HonoContext, next: Next) {
  if (batchCalls(c.req.path, c.req.query('batch')) <= maxBatchSize) return next();
  const error = toTRPCError(new DomainError('BATCH_TOO_LARGE', `一次请求最多包含${maxBatchSize}个调用，请分批发送`));
  return c.json(transportErrorBody(error), getHTTPStatusCodeFromError(error) as ContentfulStatusCode);
}

/** The largest API request body (`/trpc`, the REST paths): far above any form, far below what would hurt. */
export const apiBodyLimit = 256 * 1024;

/**
 * `apiBodyLimit` on a group of API routes, refused in the group's own error shape. A GET has no body to limit, and
 * asking whether it has one makes the Node adapter build the whole Request. The refused body is never read: the
 * connection cannot carry another request, so the answer says it is closing.
 */
export function limitApiBodies(refuse: (c: HonoContext) => Response | Promise<Response>): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: apiBodyLimit,
    onError: (c) => {
      c.header('Connection', 'close');
      return refuse(c);
    },
  });
  return (c, next) => (c.req.method === 'GET' ? next() : limit(c, next));
}

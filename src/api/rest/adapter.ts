import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { Hono } from 'hono/tiny';
import type { Context as HonoContext } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { loggableError } from '../../domain/error-text';
import type { AppDeps, Context } from '../context';
import { limitApiBodies } from '../batch-limit';
import { contextFromHono } from '../http-context';
import { appRouter } from '../router';
import { trpcConfig } from '../trpc';
import { honoPath, type RestOperation, restOperations } from './operations';

/** What a REST error answers: the tRPC code (its HTTP status is the answer's), the rule's code and a zh-CN message. */
export interface RestErrorBody {
  error: {
    code: string;
    message: string;
    domainCode: string | null;
    fieldErrors?: Record<string, string[] | undefined>;
    retryAfterSeconds?: number;
  };
}

export const restMessages = {
  notFound: '找不到该接口，请查看 /api/openapi.json',
  badJson: '请求内容须为 JSON 对象',
} as const;

/** The error answer for `error` as the router's formatter words it (zh-CN `publicMessage`, `domainCode`). */
function restError(c: HonoContext, error: TRPCError, operation: RestOperation | null, input: unknown, ctx: Context | undefined) {
  const shape = getTRPCErrorShape({
    config: trpcConfig,
    error,
    type: operation ? (operation.method === 'GET' ? 'query' : 'mutation') : 'unknown',
    path: operation?.procedure,
    input,
    ctx,
  });
  const { domainCode, fieldErrors, retryAfterSeconds } = shape.data;
  if (retryAfterSeconds !== null) c.header('Retry-After', String(retryAfterSeconds));
  if (error.code === 'SERVICE_UNAVAILABLE' && retryAfterSeconds === null) c.header('Retry-After', '5');
  const body: RestErrorBody = {
    error: {
      code: error.code,
      message: shape.message,
      domainCode,
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(retryAfterSeconds !== null ? { retryAfterSeconds } : {}),
    },
  };
  return c.json(body, getHTTPStatusCodeFromError(error) as ContentfulStatusCode);
}

/** Query-string values: one value as a string, a repeated key as the list of its values. */
function queryInput(c: HonoContext): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(c.req.queries()).map(([key, values]) => [key, values.length === 1 ? values[0]! : values]));
}

async function bodyInput(c: HonoContext): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: restMessages.badJson });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new TRPCError({ code: 'BAD_REQUEST', message: restMessages.badJson });
  return body as Record<string, unknown>;
}

/**
 * `/v1/…` (mounted under `/api`): each operation of `restOperations` runs its procedure through tRPC with the context
 * `/trpc` builds (a staff session or an integration key from `Authorization: Bearer`), so every middleware, scope
 * check and audit applies. Answers are the procedure's output as JSON; errors are `RestErrorBody`.
 */
export function restRoutes(depsOf: (c: HonoContext) => AppDeps, clientIp: (c: HonoContext) => string | null) {
  const routes = new Hono();
  routes.use(
    '/v1/*',
    limitApiBodies((c) => restError(c, new TRPCError({ code: 'PAYLOAD_TOO_LARGE' }), null, undefined, undefined)),
  );
  for (const operation of restOperations) {
    routes.on(operation.method, honoPath(operation.path), async (c) => {
      const deps = depsOf(c);
      const ctx = contextFromHono(deps, c, new Headers(), clientIp);
      let input: unknown;
      try {
        input = { ...(operation.method === 'GET' ? queryInput(c) : await bodyInput(c)), ...c.req.param() };
        const data = await callTRPCProcedure({
          router: appRouter,
          path: operation.procedure,
          getRawInput: async () => input,
          ctx,
          type: operation.method === 'GET' ? 'query' : 'mutation',
          signal: c.req.raw.signal,
          batchIndex: 0,
        });
        return c.json(data ?? null);
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        if (error.code === 'INTERNAL_SERVER_ERROR' || error.code === 'SERVICE_UNAVAILABLE') {
          deps.log.error(`[${ctx.requestId}] rest ${operation.procedure} failed: ${loggableError(error.cause ?? error)}`);
        }
        return restError(c, error, operation, input, ctx);
      }
    });
  }
  routes.all('/v1/*', (c) =>
    restError(c, new TRPCError({ code: 'NOT_FOUND', message: restMessages.notFound }), null, undefined, undefined),
  );
  return routes;
}

import { createTRPCClient, httpBatchLink, type TRPCClientErrorLike } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './api/router';
import { maxBatchSize } from './domain/limits';

export type { AppRouter } from './api/router';
export type { DomainErrorCode } from './domain/errors';
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type EnrollmentClientError = TRPCClientErrorLike<AppRouter>;

export interface EnrollmentClientOptions {
  /** The platform's origin, e.g. `https://bm.example.gov.cn` (the client adds `/trpc`). */
  url: string;
  /** A session token, sent as `Authorization: Bearer`. */
  token?: string | (() => string | undefined);
  /** An integration key (`ik_…`, shown once when an administrator created or rotated it), sent as `Authorization: Bearer`. */
  key?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/**
 * The typed client integrators use. Inputs are objects, ids strings, instants ISO-8601 strings.
 *
 * @example
 * const client = createEnrollmentClient({ url: 'http://127.0.0.1:8787' });
 * const regions = await client.catalog.regions.query();
 * const system = createEnrollmentClient({ url: 'https://bm.example.gov.cn', key: keyFromYourSecretStore });
 * const list = await system.integration.placements.query({ schoolId });
 */
export function createEnrollmentClient(options: EnrollmentClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.url.replace(/\/$/, '')}/trpc`,
        maxItems: maxBatchSize,
        fetch: options.fetch,
        headers() {
          const token = options.key ?? (typeof options.token === 'function' ? options.token() : options.token);
          return { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
        },
      }),
    ],
  });
}

export type EnrollmentClient = ReturnType<typeof createEnrollmentClient>;

import { isTRPCClientError } from '@trpc/client';

export type ErrorKind = 'network' | 'notFound' | 'server';

/** Not a tRPC error: a route that matched nothing, or a page slug the region does not have. */
export class NotFoundError extends Error {}

/**
 * What kind of failure a parent is looking at. A malformed id in a pasted link is answered with
 * BAD_REQUEST by the API; to a parent that is the same dead link as NOT_FOUND.
 */
export function errorKind(error: unknown): ErrorKind {
  if (error instanceof NotFoundError) return 'notFound';
  if (isTRPCClientError(error)) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return 'notFound';
    if (code) return 'server';
    return 'network';
  }
  return 'server';
}

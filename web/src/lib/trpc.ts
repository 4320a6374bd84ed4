import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter, RouterInputs, RouterOutputs } from '../../../src/client';

/** The page's typed API client. Same origin: the host serves both the page and `/trpc`. */
export const api = createTRPCClient<AppRouter>({
  // The server refuses batches of more calls than this (maxBatchSize in src/domain/limits.ts).
  links: [httpBatchLink({ url: '/trpc', maxItems: 10 })],
});

export type { RouterInputs, RouterOutputs };

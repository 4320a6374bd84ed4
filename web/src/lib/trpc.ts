import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import type { AppRouter, RouterInputs, RouterOutputs } from '../../../src/client';
import { sharedReads } from '../../../src/domain/shared-answer';

/**
 * The page's typed API client. Same origin: the host serves both the page and `/trpc`. The public catalog reads go
 * each on its own (one URL per region or entry, answered from the host's memory within the second); the rest in batches.
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => sharedReads.includes(op.path),
      true: httpLink({ url: '/trpc' }),
      // The server refuses batches of more calls than this (maxBatchSize in src/domain/limits.ts).
      false: httpBatchLink({ url: '/trpc', maxItems: 10 }),
    }),
  ],
});

export type { RouterInputs, RouterOutputs };

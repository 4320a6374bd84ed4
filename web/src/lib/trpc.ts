import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter, RouterInputs, RouterOutputs } from '../../../src/client';

/** The page's typed API client. Same origin: the host serves both the page and `/trpc`. */
export const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc' })],
});

export type { RouterInputs, RouterOutputs };

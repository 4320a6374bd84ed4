import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../../src/client';

/**
 * A client whose requests outlive the page (`fetch` with `keepalive`): for the last save when the parent leaves, closes
 * or hides the page. One call per request; the browser caps such bodies at 64 KiB.
 */
export const keepaliveApi = createTRPCClient<AppRouter>({
  links: [httpLink({ url: '/trpc', fetch: (url, init) => fetch(url, { ...(init as RequestInit), keepalive: true }) })],
});

import { doublingDelay } from '../src/domain/backoff';

/**
 * Waits before trying a database call again: `firstMs` doubling per attempt up to a second, jittered (×0.5–1.5) so
 * that requests refused together do not all come back together.
 */
export function retryPause(attempt: number, firstMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, doublingDelay(attempt, firstMs, 1_000) * (0.5 + Math.random())));
}

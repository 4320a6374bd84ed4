/**
 * When a failed SMS is tried again. Pure: the outbox asks, after the `attempts`-th attempt failed, how long to wait.
 * 15 s, 30 s, 1 min, 2 min, 4 min, 8 min, 16 min, then 30 min at most; after `maxAttempts` attempts the message is
 * parked as `dead` for staff to see (the first eight attempts span about 32 minutes).
 */

export const firstRetryDelayMs = 15_000;
export const maxRetryDelayMs = 30 * 60_000;
/** Attempts (the first send included) before a message is given up. */
export const maxAttempts = 8;

/** `firstMs` after the first failed attempt, doubling after each next one, never more than `maxMs`. */
export function doublingDelay(attempts: number, firstMs: number, maxMs: number): number {
  const n = Number.isNaN(attempts) ? 1 : Math.max(1, Math.floor(attempts));
  return Math.min(maxMs, firstMs * 2 ** Math.min(n - 1, 30));
}

/** Milliseconds to wait after the `attempts`-th failed attempt (1 = the first send failed). */
export function nextAttemptDelay(attempts: number): number {
  return doublingDelay(attempts, firstRetryDelayMs, maxRetryDelayMs);
}

/** Whether a message that failed its `attempts`-th attempt has used them all. */
export function attemptsExhausted(attempts: number): boolean {
  return attempts >= maxAttempts;
}

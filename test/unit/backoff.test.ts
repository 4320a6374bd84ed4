import { describe, expect, it } from 'vitest';
import { attemptsExhausted, maxAttempts, maxRetryDelayMs, nextAttemptDelay } from '../../src/domain/backoff';

describe('retrying a failed SMS', () => {
  it('waits 15 seconds after the first failure and twice as long after each further one', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(nextAttemptDelay)).toEqual([15, 30, 60, 120, 240, 480, 960].map((s) => s * 1000));
  });

  it('never waits more than 30 minutes, however many attempts failed', () => {
    expect(nextAttemptDelay(8)).toBe(30 * 60_000);
    expect(nextAttemptDelay(1000)).toBe(maxRetryDelayMs);
    expect(nextAttemptDelay(Number.POSITIVE_INFINITY)).toBe(maxRetryDelayMs);
  });

  it('treats a nonsense attempt count as the first failure instead of sending at once', () => {
    expect(nextAttemptDelay(0)).toBe(15_000);
    expect(nextAttemptDelay(-3)).toBe(15_000);
    expect(nextAttemptDelay(Number.NaN)).toBe(15_000);
  });

  it('gives a message up after 8 attempts, about half an hour after the first one', () => {
    expect(maxAttempts).toBe(8);
    expect(attemptsExhausted(maxAttempts - 1)).toBe(false);
    expect(attemptsExhausted(maxAttempts)).toBe(true);
    let waited = 0;
    for (let attempt = 1; attempt < maxAttempts; attempt++) waited += nextAttemptDelay(attempt);
    expect(waited / 60_000).toBeGreaterThan(30);
    expect(waited / 60_000).toBeLessThan(35);
  });
});

import { describe, expect, it } from 'vitest';
import { moveDayByYears, moveInstantByYears } from '../../src/domain/season-dates';

describe("moving a season's dates by years", () => {
  it('keeps the China-time date and hour of an instant', () => {
    expect(moveInstantByYears(new Date('2024-07-15T00:00:00+08:00'), 1).toISOString()).toBe(
      new Date('2025-07-15T00:00:00+08:00').toISOString(),
    );
    expect(moveInstantByYears(new Date('2024-07-25T23:30:00+08:00'), 2).toISOString()).toBe(
      new Date('2026-07-25T23:30:00+08:00').toISOString(),
    );
  });

  it('turns 29 February into the 28th in a year without one, for instants and days', () => {
    expect(moveInstantByYears(new Date('2024-02-29T08:00:00+08:00'), 1).toISOString()).toBe(
      new Date('2025-02-28T08:00:00+08:00').toISOString(),
    );
    expect(moveDayByYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(moveDayByYears('2024-03-01', 1)).toBe('2025-03-01');
    expect(moveDayByYears('2023-09-01', -1)).toBe('2022-09-01');
  });
});

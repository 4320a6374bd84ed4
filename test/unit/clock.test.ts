import { describe, expect, it } from 'vitest';
import { shiftedClock } from '../../src/adapters/clock';

describe('the shifted (demo) clock', () => {
  it('runs forward in real time from its start', () => {
    let real = 1_000;
    const clock = shiftedClock(new Date('2024-07-15T00:00:00Z'), () => real);
    real += 5_000;
    expect(clock.now().toISOString()).toBe('2024-07-15T00:00:05.000Z');
  });

  it('moves forward to a later instant of the kept data, and never back to an earlier one', () => {
    let real = 0;
    const clock = shiftedClock(new Date('2024-07-15T00:00:00Z'), () => real);
    clock.catchUp(new Date('2024-07-15T02:00:00Z'));
    expect(clock.now().toISOString()).toBe('2024-07-15T02:00:00.000Z');
    clock.catchUp(new Date('2024-07-15T01:00:00Z'));
    clock.catchUp(null);
    real += 1_000;
    expect(clock.now().toISOString()).toBe('2024-07-15T02:00:01.000Z');
  });
});

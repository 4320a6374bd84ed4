import { describe, expect, it } from 'vitest';
import { evenly, openingBurst, shareBefore } from '../bench/submit-arrivals';

describe('submit bench arrival curves', () => {
  it('spreads n arrivals evenly over the interval', () => {
    const offsets = evenly(500, 1000);
    expect(offsets).toHaveLength(500);
    expect(offsets[0]).toBe(1);
    expect(offsets.at(-1)).toBe(999);
    expect(shareBefore(offsets, 500)).toBe(0.5);
  });

  it('puts 40 % of the opening burst in the first minute, peaking at its top and decaying after', () => {
    const offsets = openingBurst(20_000, 300);
    expect(offsets).toHaveLength(20_000);
    expect(offsets.every((o, k) => o >= 0 && o <= 300_000 && (k === 0 || o >= offsets[k - 1]!))).toBe(true);
    expect(shareBefore(offsets, 60_000)).toBeCloseTo(0.4, 2);
    const perSecond = (from: number) => offsets.filter((o) => o >= from && o < from + 1000).length;
    expect(perSecond(0)).toBeGreaterThan(perSecond(30_000));
    expect(perSecond(30_000)).toBeGreaterThan(perSecond(120_000));
    expect(perSecond(120_000)).toBeGreaterThan(perSecond(298_000));
  });
});

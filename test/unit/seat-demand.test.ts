import { describe, expect, it } from 'vitest';
import { demandLevel } from '../../src/domain/placement/seat-demand';

describe('学位预警', () => {
  it('is green below 80 % of the places, amber up to them, red beyond', () => {
    expect(demandLevel(79, 100)).toBe('green');
    expect(demandLevel(80, 100)).toBe('amber');
    expect(demandLevel(100, 100)).toBe('amber');
    expect(demandLevel(101, 100)).toBe('red');
  });

  it('is red for a school without places once anyone names it first', () => {
    expect(demandLevel(0, 0)).toBe('green');
    expect(demandLevel(1, 0)).toBe('red');
  });
});

import { describe, expect, it } from 'vitest';
import { demandColumnsFor, demandLevel } from '../../src/domain/placement/seat-demand';

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

  it('offers a school reviewer only the columns where their school has places; others every column', () => {
    const columns = [
      { entryId: 'e1', grade: 1 },
      { entryId: 'e1', grade: 2 },
      { entryId: 'e2', grade: 7 },
    ];
    expect(demandColumnsFor(columns, null)).toEqual(columns);
    expect(
      demandColumnsFor(columns, [
        { entryId: 'e1', grade: 2, places: 40 },
        { entryId: 'e2', grade: 7, places: 0 },
      ]),
    ).toEqual([{ entryId: 'e1', grade: 2 }]);
    expect(demandColumnsFor(columns, [])).toEqual([]);
  });
});

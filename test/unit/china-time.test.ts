import { describe, expect, it } from 'vitest';
import { chinaInstant, chinaParts, formatChinaDate, formatChinaDateTime, formatChinaEnd } from '../../src/domain/china-time';

describe('China time', () => {
  it('shows a UTC instant eight hours ahead, crossing midnight into the next day', () => {
    expect(formatChinaDateTime(new Date('2024-07-14T16:00:00Z'))).toBe('2024-07-15 00:00');
    expect(formatChinaDate(new Date('2024-07-14T15:59:59Z'))).toBe('2024-07-14');
  });

  it('turns a China calendar day into the UTC instant it starts at', () => {
    expect(chinaInstant('2024-03-01').toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(chinaParts(chinaInstant('2024-03-01'))).toMatchObject({ year: 2024, month: 3, day: 1, hour: 0 });
  });

  it('writes an exclusive midnight end as 24:00 of the day before, and any other end as it is', () => {
    expect(formatChinaEnd(new Date('2024-07-26T00:00:00+08:00'))).toBe('2024-07-25 24:00');
    expect(formatChinaEnd(new Date('2024-07-25T18:00:00+08:00'))).toBe('2024-07-25 18:00');
  });
});

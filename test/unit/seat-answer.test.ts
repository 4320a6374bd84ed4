import { describe, expect, it } from 'vitest';
import { seatAnswerOpen } from '../../src/domain/placement/seat-answer';

const now = new Date('2024-08-25T09:00:00+08:00');
const later = new Date('2024-08-30T09:00:00+08:00');

describe('seatAnswerOpen', () => {
  it('is open for a seat not yet answered before the deadline', () => {
    expect(seatAnswerOpen({ placed: true, confirmation: null, confirmBy: later }, now)).toBe(true);
  });
  it('is closed without a seat, once answered, without a deadline, and at the deadline itself', () => {
    expect(seatAnswerOpen({ placed: false, confirmation: null, confirmBy: later }, now)).toBe(false);
    expect(seatAnswerOpen({ placed: true, confirmation: 'confirmed', confirmBy: later }, now)).toBe(false);
    expect(seatAnswerOpen({ placed: true, confirmation: 'lapsed', confirmBy: later }, now)).toBe(false);
    expect(seatAnswerOpen({ placed: true, confirmation: null, confirmBy: null }, now)).toBe(false);
    expect(seatAnswerOpen({ placed: true, confirmation: null, confirmBy: now }, now)).toBe(false);
  });
});

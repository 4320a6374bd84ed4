import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../src/domain/masking';
import { normalizePhone, phonePattern } from '../../src/domain/phone';

describe('masking', () => {
  it('shows a phone as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('shows a resident ID with region and last four only', () => {
    expect(maskIdNumber('430922201801011234')).toBe('430922********1234');
  });

  it('hides the middle of shorter numbers', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('1234')).toBe('****');
  });
});

describe('mobile numbers', () => {
  it('accept 11 digits starting 13 to 19, with +86, blanks or dashes dropped', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(phonePattern.test('13812345678')).toBe(true);
    expect(phonePattern.test('12812345678')).toBe(false);
    expect(phonePattern.test('1381234567')).toBe(false);
  });
});

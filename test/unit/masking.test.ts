import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../../src/domain/masking';
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

describe('child names in lists', () => {
  it('keeps the first and last character of longer names', () => {
    expect(maskName('李小明')).toBe('李*明');
    expect(maskName('欧阳小明')).toBe('欧**明');
  });

  it('keeps the first character of two-character names and leaves one character alone', () => {
    expect(maskName('李明')).toBe('李*');
    expect(maskName('李')).toBe('李');
    expect(maskName('')).toBe('');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskName('𠀀小𠀁')).toBe('𠀀*𠀁');
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

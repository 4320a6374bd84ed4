import { describe, expect, it } from 'vitest';
import { describeWindow } from '../../src/domain/window';
import { deadlineText } from '../../web/src/lib/deadline-text';
import { windowParts } from '../../web/src/lib/window-text';

describe('the window as a page shows it', () => {
  const window = { opensAt: new Date('2024-07-15T00:00:00+08:00'), closesAt: new Date('2024-07-26T00:00:00+08:00') };

  it('is formatted from the instants the catalog gives, in China time, split where a phone may wrap', () => {
    expect(windowParts({ opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() })).toEqual([
      '2024-07-15 00:00 至',
      '2024-07-25 24:00（北京时间）',
    ]);
    expect(windowParts({ opensAt: '2024-08-20T01:30:00.000Z', closesAt: '2024-08-31T09:00:00.000Z' })).toEqual([
      '2024-08-20 09:30 至',
      '2024-08-31 17:00（北京时间）',
    ]);
  });

  it('reads as the server words it for integrators', () => {
    expect(windowParts({ opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() }).join(' ')).toBe(
      describeWindow(window),
    );
  });
});

describe('a deadline in a sentence', () => {
  it('says 24时 of the day before for an end at midnight China time, as the guide writes 7月25日24时', () => {
    expect(deadlineText('2024-07-25T16:00:00.000Z')).toBe('7月25日24时');
  });

  it('keeps the hour, and the minutes when there are any, of an end at any other time', () => {
    expect(deadlineText('2024-08-31T09:00:00.000Z')).toBe('8月31日17时');
    expect(deadlineText('2024-08-31T09:30:00.000Z')).toBe('8月31日17时30分');
  });
});

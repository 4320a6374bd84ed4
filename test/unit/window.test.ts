import { describe, expect, it } from 'vitest';
import { describeWindow, windowNotice, windowState } from '../../src/domain/window';

const taohuajiang = { opensAt: new Date('2024-07-15T00:00:00+08:00'), closesAt: new Date('2024-07-26T00:00:00+08:00') };

describe('the 桃花江镇 window, 7-15 00:00 to 7-25 24:00 China time', () => {
  it.each([
    ['2024-07-14T23:59:59+08:00', 'upcoming'],
    ['2024-07-15T00:00:00+08:00', 'open'],
    ['2024-07-25T23:59:59+08:00', 'open'],
    ['2024-07-26T00:00:00+08:00', 'closed'],
  ] as const)('at %s China time it is %s', (instant, state) => {
    expect(windowState(taohuajiang, new Date(instant))).toBe(state);
  });

  it('is still closed one millisecond before it opens and open one millisecond before it closes', () => {
    expect(windowState(taohuajiang, new Date(taohuajiang.opensAt.getTime() - 1))).toBe('upcoming');
    expect(windowState(taohuajiang, new Date(taohuajiang.closesAt.getTime() - 1))).toBe('open');
  });

  it('lasts eleven days, as the guide says', () => {
    expect((taohuajiang.closesAt.getTime() - taohuajiang.opensAt.getTime()) / 86_400_000).toBe(11);
  });

  it('reads as the guide writes it, ending at 24:00 of the last day', () => {
    expect(describeWindow(taohuajiang)).toBe('2024-07-15 00:00 至 2024-07-25 24:00（北京时间）');
  });

  it('tells a parent whether registration has started, is open or has ended', () => {
    expect(windowNotice(taohuajiang, new Date('2024-07-10T12:00:00+08:00'))).toMatch(/^报名尚未开始/);
    expect(windowNotice(taohuajiang, new Date('2024-07-20T12:00:00+08:00'))).toMatch(/^正在报名/);
    expect(windowNotice(taohuajiang, new Date('2024-08-01T12:00:00+08:00'))).toMatch(/^报名已结束/);
  });
});

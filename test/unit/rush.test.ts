import { describe, expect, it } from 'vitest';
import { inRush, rushPolicy } from '../../src/domain/rush';
import { rushGauge } from '../../src/services/rush';

describe('rush mode (decision 029)', () => {
  it('is a rush when more than four API requests are in flight, the asking one included', () => {
    expect(rushPolicy).toEqual({ requestsInFlight: 4, holdMs: 1_000 });
    expect(inRush(1)).toBe(false);
    expect(inRush(4)).toBe(false);
    expect(inRush(5)).toBe(true);
    expect(inRush(2, null, { requestsInFlight: 1, holdMs: 0 })).toBe(true);
  });

  it('is still a rush within a second of the last moment it was, and no longer after', () => {
    expect(inRush(1, 0)).toBe(true);
    expect(inRush(1, 999)).toBe(true);
    expect(inRush(1, 1_000)).toBe(false);
    expect(inRush(1, null)).toBe(false);
  });

  it('counts requests in flight, each one once even if it is answered twice, and holds the rush for a second', () => {
    let ms = 0;
    const gauge = rushGauge({ requestsInFlight: 1, holdMs: 1_000 }, () => ms);
    const first = gauge.enter();
    expect(gauge.inRush()).toBe(false);
    const second = gauge.enter();
    expect(gauge.inRush()).toBe(true);
    second();
    second();
    ms = 500;
    expect(gauge.inRush()).toBe(true);
    ms = 1_001;
    expect(gauge.inRush()).toBe(false);
    first();
    gauge.enter();
    expect(gauge.inRush()).toBe(false);
  });

  it('hands the sweeper what was deferred once, and tells the host each time', () => {
    const gauge = rushGauge();
    let told = 0;
    gauge.onDeferred = () => told++;
    gauge.deferred();
    gauge.deferred();
    expect(told).toBe(2);
    expect(gauge.takeDeferred()).toBe(2);
    expect(gauge.takeDeferred()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { inRush, rushPolicy } from '../../src/domain/rush';
import { rushGauge } from '../../src/services/rush';

describe('rush mode (decision 029)', () => {
  it('is a rush only when more than four API requests are in flight, the asking one included', () => {
    expect(rushPolicy.requestsInFlight).toBe(4);
    expect(inRush(1)).toBe(false);
    expect(inRush(4)).toBe(false);
    expect(inRush(5)).toBe(true);
    expect(inRush(2, { requestsInFlight: 1 })).toBe(true);
  });

  it('counts requests in flight, each one once even if it is answered twice', () => {
    const gauge = rushGauge({ requestsInFlight: 1 });
    const first = gauge.enter();
    expect(gauge.inRush()).toBe(false);
    const second = gauge.enter();
    expect(gauge.inRush()).toBe(true);
    second();
    second();
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

import { describe, expect, it } from 'vitest';
import { catalogCache } from '../../src/services/catalog-cache';

function timer() {
  let ms = 0;
  return {
    now: () => ms,
    advance: (by: number) => {
      ms += by;
    },
  };
}

describe('the catalog cache', () => {
  it('answers from memory while what it read is fresh, and reads again after', async () => {
    const time = timer();
    const cache = catalogCache(time.now, 1000);
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.get('region:a', load)).toBe(1);
    time.advance(999);
    expect(await cache.get('region:a', load)).toBe(1);
    time.advance(1);
    expect(await cache.get('region:a', load)).toBe(2);
    expect(await cache.get('region:b', load)).toBe(3);
  });

  it('reads again at once after forget', async () => {
    const cache = catalogCache(timer().now, 1000);
    let reads = 0;
    const load = async () => ++reads;
    await cache.get('regions', load);
    cache.forget();
    expect(await cache.get('regions', load)).toBe(2);
  });

  it('does not keep a read that was under way when a change made it forget', async () => {
    const cache = catalogCache(timer().now, 1000);
    let finish: (value: string) => void = () => {};
    const racing = cache.get(
      'regions',
      () =>
        new Promise<string>((done) => {
          finish = done;
        }),
    );
    cache.forget();
    finish('before the change');
    expect(await racing).toBe('before the change');
    expect(await cache.get('regions', async () => 'after the change')).toBe('after the change');
  });

  it('does not keep a failed read', async () => {
    const cache = catalogCache(timer().now, 1000);
    await expect(cache.get('region:x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('region:x', async () => 'up')).toBe('up');
  });
});

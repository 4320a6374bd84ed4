import { describe, expect, it } from 'vitest';
import { catalogCache, mostKeptAnswerChars, mostKeptAnswers } from '../../src/services/catalog-cache';

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

describe('whole answers kept beside the catalog (decision 037)', () => {
  it('gives a kept answer for as long as it was kept for, never longer than the freshness bound', () => {
    const time = timer();
    const cache = catalogCache(time.now, 1000);
    cache.slot<string>('answer a').keep('A', 5000, 1);
    time.advance(999);
    expect(cache.slot<string>('answer a').value).toBe('A');
    time.advance(1);
    expect(cache.slot<string>('answer a').value).toBeUndefined();
    cache.slot<string>('answer b').keep('B', 300, 1);
    time.advance(300);
    expect(cache.slot<string>('answer b').value).toBeUndefined();
  });

  it('keeps an answer no longer than the rows handed out while it was being made', async () => {
    const time = timer();
    const cache = catalogCache(time.now, 1000);
    await cache.get('region:a', async () => 'rows read at 0');
    time.advance(600);
    const slot = cache.slot<string>('answer a');
    expect(await cache.get('region:a', async () => 'not read')).toBe('rows read at 0');
    slot.keep('made from rows read at 0', 1000, 1);
    time.advance(399);
    expect(cache.slot<string>('answer a').value).toBe('made from rows read at 0');
    time.advance(1);
    expect(cache.slot<string>('answer a').value).toBeUndefined();
  });

  it('does not keep an answer whose slot was taken before a change made it forget, and drops kept ones', () => {
    const cache = catalogCache(timer().now, 1000);
    cache.slot<string>('answer kept').keep('old', 1000, 1);
    const racing = cache.slot<string>('answer racing');
    cache.forget();
    racing.keep('made from the old rows', 1000, 1);
    expect(cache.slot<string>('answer racing').value).toBeUndefined();
    expect(cache.slot<string>('answer kept').value).toBeUndefined();
  });

  it(`keeps at most ${mostKeptAnswers} answers at once, and makes room as they age out`, () => {
    const time = timer();
    const cache = catalogCache(time.now, 1000);
    for (let i = 0; i < mostKeptAnswers; i++) cache.slot(`answer ${i}`).keep(i, 1000, 1);
    cache.slot('answer one too many').keep('x', 1000, 1);
    expect(cache.slot('answer one too many').value).toBeUndefined();
    expect(cache.slot('answer 0').value).toBe(0);
    time.advance(1000);
    cache.slot('answer one too many').keep('x', 1000, 1);
    expect(cache.slot('answer one too many').value).toBe('x');
  });

  it('keeps answers of at most so many characters together, and makes room as they age out or are made again', () => {
    const time = timer();
    const cache = catalogCache(time.now, 1000);
    const half = mostKeptAnswerChars / 2;
    cache.slot('answer a').keep('a', 1000, half);
    cache.slot('answer b').keep('b', 1000, half);
    cache.slot('answer c').keep('c', 1000, 1);
    expect(cache.slot('answer c').value).toBeUndefined();
    time.advance(1000);
    cache.slot('answer b').keep('b again', 1000, half);
    expect(cache.slot('answer b').value).toBe('b again');
    cache.slot('answer c').keep('c', 1000, half);
    expect(cache.slot('answer c').value).toBe('c');
    expect(cache.slot('answer a').value).toBeUndefined();
  });

  it('counts an answer made again in place of its aged one once', () => {
    const time = timer();
    const cache = catalogCache(time.now, 1000);
    cache.slot('answer a').keep('a', 1000, mostKeptAnswerChars / 2);
    time.advance(1000);
    cache.slot('answer a').keep('a again', 1000, mostKeptAnswerChars / 2);
    cache.slot('answer b').keep('b', 1000, mostKeptAnswerChars / 2);
    expect(cache.slot('answer b').value).toBe('b');
  });
});

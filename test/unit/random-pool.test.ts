import { afterEach, describe, expect, it, vi } from 'vitest';
import { pooledWebCryptoRandom, randomPoolBytes } from '../../src/adapters/random';
import { idPattern, newId } from '../../src/domain/ids';

afterEach(() => vi.restoreAllMocks());

/** WebCrypto, counted, filling each array with the next numbers of a running counter (so reuse would show). */
function countedCrypto() {
  let next = 0;
  return vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const bytes = array as unknown as Uint8Array;
    for (let i = 0; i < bytes.length; i++) bytes[i] = next++ & 0xff;
    return array;
  });
}

describe('the pooled WebCrypto random source', () => {
  it('hands out every byte of each WebCrypto draw once, in order, and asks WebCrypto once per pool', () => {
    const calls = countedCrypto();
    const random = pooledWebCryptoRandom();
    const drawn = [13, 32, 12, 1, 13].map((n) => random.bytes(n));
    expect(drawn.map((d) => d.length)).toEqual([13, 32, 12, 1, 13]);
    expect(drawn.flatMap((d) => [...d])).toEqual(Array.from({ length: 71 }, (_, i) => i));
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it('draws a new pool when the rest would not cover a request, and a large request straight from WebCrypto', () => {
    const calls = countedCrypto();
    const random = pooledWebCryptoRandom();
    const ids = Array.from({ length: Math.ceil(randomPoolBytes / 13) + 1 }, () => newId(random));
    expect(ids.every((id) => idPattern.test(id))).toBe(true);
    expect(calls).toHaveBeenCalledTimes(2);
    expect(random.bytes(randomPoolBytes + 1)).toHaveLength(randomPoolBytes + 1);
    expect(calls).toHaveBeenCalledTimes(3);
  });

  it('gives a caller its own bytes: changing them changes nothing handed out later', () => {
    countedCrypto();
    const random = pooledWebCryptoRandom();
    const first = random.bytes(4);
    first.fill(0xaa);
    expect([...random.bytes(4)]).toEqual([4, 5, 6, 7]);
  });

  it('gives different ids from the real WebCrypto', () => {
    const random = pooledWebCryptoRandom();
    const ids = new Set(Array.from({ length: 1000 }, () => newId(random)));
    expect(ids.size).toBe(1000);
  });
});

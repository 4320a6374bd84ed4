import { describe, expect, it } from 'vitest';
import { webCryptoRandom } from '../../src/adapters/random';
import { catalogId, idPattern, newId } from '../../src/domain/ids';
import type { RandomSource } from '../../src/domain/random';
import { newCode } from '../../src/domain/sign-in-policy';

/** Hands out the given bytes in order: the same draws give the same ids and codes. */
function fixedBytes(...values: number[]): RandomSource {
  let at = 0;
  return { bytes: (length) => Uint8Array.from({ length }, () => values[at++ % values.length]!) };
}

describe('ids', () => {
  it('are 20 lowercase base32 characters and never repeat', () => {
    const ids = Array.from({ length: 2000 }, () => newId(webCryptoRandom));
    for (const id of ids) expect(id).toMatch(idPattern);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are drawn from the random source they are given, five bits a character', () => {
    expect(newId(fixedBytes(0))).toBe('aaaaaaaaaaaaaaaaaaaa');
    expect(newId(fixedBytes(0xff))).toBe('77777777777777777777');
    expect(newId(fixedBytes(0b00001000, 0b01000010)).slice(0, 3)).toBe('bbb');
  });

  it('of seeded catalog rows are the same every time, so reseeding and other environments keep them', async () => {
    expect(await catalogId('region', 'taohuajiang')).toBe(await catalogId('region', 'taohuajiang'));
    expect(await catalogId('region', 'taohuajiang')).not.toBe(await catalogId('region', 'taohuajian'));
    expect(await catalogId('a', 'bc')).not.toBe(await catalogId('ab', 'c'));
    expect(await catalogId('region', 'taohuajiang')).toMatch(idPattern);
  });
});

describe('sign-in codes', () => {
  it('are six digits from the random source, drawing again above the last whole million (no modulo bias)', () => {
    expect(newCode(fixedBytes(0x40, 0xe2, 0x01, 0x00))).toBe('123456'); // 123456 little-endian
    // 0xffffffff is above 4294000000, the largest multiple of a million that fits: drawn again.
    expect(newCode(fixedBytes(0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x00))).toBe('000001');
  });

  it('vary from draw to draw with WebCrypto', () => {
    const codes = Array.from({ length: 200 }, () => newCode(webCryptoRandom));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(150);
  });
});

import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexOf } from '../../src/domain/placement/hex';
import { hmacSha256, sha256 } from '../../src/domain/placement/sha256';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the lottery’s own SHA-256 and HMAC-SHA-256', () => {
  it('match the published test vectors', () => {
    expect(hexOf(sha256(bytes('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hexOf(sha256(bytes('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // RFC 4231 test case 2
    expect(hexOf(hmacSha256(bytes('Jefe'))(bytes('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('agree with Node’s crypto for every length around the block and padding edges, and for long keys', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 100 }), (message, key) => {
        expect(hexOf(sha256(message))).toBe(createHash('sha256').update(message).digest('hex'));
        expect(hexOf(hmacSha256(key)(message))).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }),
      { numRuns: 300 },
    );
    for (const length of [55, 56, 63, 64, 65, 119, 120, 128]) {
      const message = new Uint8Array(length).fill(0x61);
      expect(hexOf(sha256(message)), String(length)).toBe(createHash('sha256').update(message).digest('hex'));
    }
  });
});

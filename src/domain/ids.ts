import type { RandomSource } from './random';

/** Identifiers: 20 characters of lowercase base32 (100 bits), never sequential, so they leak no volume. */

const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
export const idPattern = /^[a-z2-7]{20}$/;

function encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 20; i++) {
    const bit = i * 5;
    const byte = bit >> 3;
    const word = ((bytes[byte] ?? 0) << 8) | (bytes[byte + 1] ?? 0);
    out += alphabet[(word >> (11 - (bit & 7))) & 31];
  }
  return out;
}

/** A fresh random id drawn from `random`. */
export function newId(random: RandomSource): string {
  return encode(random.bytes(13));
}

/**
 * The id of a seeded catalog row, derived from its natural key so that seeding is idempotent and a row keeps
 * its id across environments: integrators may store it.
 */
export async function catalogId(...key: string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key.join('\u0000')));
  return encode(new Uint8Array(digest));
}

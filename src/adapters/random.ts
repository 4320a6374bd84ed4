import { newId } from '../domain/ids';
import type { RandomSource } from '../domain/random';

export type { RandomSource } from '../domain/random';

/** Bytes drawn from WebCrypto at a time: one call per few hundred ids instead of one per id (WebCrypto allows 65,536). */
export const randomPoolBytes = 4096;

/**
 * The platform's cryptographic random numbers (WebCrypto): what every host runs with. Small draws are cut from a pool
 * filled `randomPoolBytes` at a time, each byte handed out once, because each WebCrypto call costs far more than the
 * bytes it returns (an id takes 13).
 */
export function pooledWebCryptoRandom(): RandomSource {
  let pool = new Uint8Array(0);
  let offset = 0;
  return {
    bytes(length) {
      if (length > randomPoolBytes) return crypto.getRandomValues(new Uint8Array(length));
      if (offset + length > pool.length) {
        pool = crypto.getRandomValues(new Uint8Array(randomPoolBytes));
        offset = 0;
      }
      offset += length;
      return pool.slice(offset - length, offset);
    },
  };
}

export const webCryptoRandom: RandomSource = pooledWebCryptoRandom();

/** A fresh id from WebCrypto, for code that builds rows without the app's dependencies at hand (statement builders, seeds, tests). */
export function randomId(): string {
  return newId(webCryptoRandom);
}

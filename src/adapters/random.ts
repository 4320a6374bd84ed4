import { newId } from '../domain/ids';
import type { RandomSource } from '../domain/random';

export type { RandomSource } from '../domain/random';

/** The platform's cryptographic random numbers (WebCrypto): what every host runs with. */
export const webCryptoRandom: RandomSource = {
  bytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
};

/** A fresh id from WebCrypto, for code that builds rows without the app's dependencies at hand (statement builders, seeds, tests). */
export function randomId(): string {
  return newId(webCryptoRandom);
}

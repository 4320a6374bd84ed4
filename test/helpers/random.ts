import { type RandomSource, webCryptoRandom } from '../../src/adapters/random';

export interface PlannedRandom extends RandomSource {
  /** The next draw of `bytes.length` bytes returns these bytes; every other draw comes from WebCrypto. */
  plan(bytes: Uint8Array): void;
  /** How many draws of `length` bytes were made so far. */
  draws(length: number): number;
}

/** The host's random source in tests: WebCrypto, with draws a test can line up in advance. */
export function plannedRandom(): PlannedRandom {
  const planned: Uint8Array[] = [];
  const counts = new Map<number, number>();
  return {
    bytes(length) {
      counts.set(length, (counts.get(length) ?? 0) + 1);
      const index = planned.findIndex((p) => p.length === length);
      return index >= 0 ? planned.splice(index, 1)[0]! : webCryptoRandom.bytes(length);
    },
    plan(bytes) {
      planned.push(Uint8Array.from(bytes));
    },
    draws: (length) => counts.get(length) ?? 0,
  };
}

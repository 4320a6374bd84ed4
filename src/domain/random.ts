/** Where randomness comes from: `bytes(n)` gives n uniformly random bytes. Hosts pass WebCrypto; tests may pass a seeded source. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

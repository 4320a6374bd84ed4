import { byCodeUnits } from './code-unit-order';
import { bytesOfHex, hexOf, sha256Hex } from './hex';
import { hmacSha256 } from './sha256';

/** One observer's contribution as revealed at the draw. */
export interface Reveal {
  observerId: string;
  contribution: string;
}

/** What is published before the window closes: SHA-256 (lowercase hex) of the contribution's UTF-8 bytes. */
export function commitmentOf(contribution: string): Promise<string> {
  return sha256Hex(contribution);
}

export async function revealMatches(contribution: string, commitment: string): Promise<boolean> {
  return (await commitmentOf(contribution)) === commitment.toLowerCase();
}

export const minimumObservers = 2;

/**
 * The seed: SHA-256 of the reveals sorted by observer id (code units), each written as
 * u32be(byte length of id) ‖ id ‖ u32be(byte length of contribution) ‖ contribution, all UTF-8.
 * The length prefixes make the concatenation unambiguous. Lowercase hex, 64 characters.
 */
export async function seedOf(reveals: readonly Reveal[]): Promise<string> {
  const ids = reveals.map((r) => r.observerId);
  if (ids.length < minimumObservers) throw new Error(`a draw needs at least ${minimumObservers} observers`);
  if (new Set(ids).size !== ids.length) throw new Error('each observer reveals once');
  const sorted = [...reveals].sort((a, b) => byCodeUnits(a.observerId, b.observerId));
  return sha256Hex(concat(sorted.flatMap((r) => [lengthPrefixed(r.observerId), lengthPrefixed(r.contribution)])));
}

export const seedPattern = /^[0-9a-f]{64}$/;

/**
 * Each application's lottery number: HMAC-SHA-256 keyed with the seed's 32 bytes over the application number's UTF-8
 * bytes, as 64 lowercase hex characters. Lower is better; as fixed-width hex, string order is number order.
 */
export function lotteryNumbers(seed: string, applicationNumbers: readonly string[]): Map<string, string> {
  const key = bytesOfHex(seed);
  if (!seedPattern.test(seed) || !key) throw new Error('the seed is 64 lowercase hex characters');
  const sign = hmacSha256(key);
  const encoder = new TextEncoder();
  return new Map(applicationNumbers.map((n) => [n, hexOf(sign(encoder.encode(n)))]));
}

function lengthPrefixed(text: string): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, body.length);
  out.set(body, 4);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

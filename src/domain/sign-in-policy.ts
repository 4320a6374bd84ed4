import type { RandomSource } from './random';

/** The numbers of sign-in: how long codes and sessions live and how often codes may be asked for. */
export const signInPolicy = {
  codeLength: 6,
  codeTtlMs: 5 * 60_000,
  maxCodeAttempts: 5,
  resendAfterMs: 60_000,
  /** Codes per number per China calendar day. */
  dailyCodesPerPhone: 10,
  sessionIdleMs: 12 * 60 * 60_000,
  sessionMaxMs: 7 * 24 * 60 * 60_000,
  /** A session's last-seen time is written at most this often. */
  touchEveryMs: 5 * 60_000,
} as const;

/** A uniformly random 6-digit code (rejection sampling: no modulo bias). */
export function newCode(random: RandomSource): string {
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  for (;;) {
    const bytes = random.bytes(4);
    const n = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
    if (n < limit) return String(n % 1_000_000).padStart(6, '0');
  }
}

/** Seconds until a code may be sent again, given when the last one was. */
export function secondsUntilResend(lastSentAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((lastSentAt.getTime() + signInPolicy.resendAfterMs - now.getTime()) / 1000));
}

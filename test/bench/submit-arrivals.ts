/**
 * When each parent presses 提交, as offsets in ms from the start of a scenario (sorted, deterministic: the k-th of n
 * arrives at the (k + ½)/n quantile of the curve, so runs are comparable).
 */

/** `n` arrivals evenly spread over `ms`. */
export function evenly(n: number, ms: number): number[] {
  return Array.from({ length: n }, (_, k) => ((k + 0.5) / n) * ms);
}

/**
 * The opening burst: parents arriving over `seconds` (300), the rate peaking at the very top of the first minute and
 * decaying after. A mixture of two truncated exponential decays:
 * - `spike` (10 %) with a time constant of 10 s: those who press 提交 as the clock strikes 00:00;
 * - the rest with a time constant of 200 s: the crowd that keeps arriving over the five minutes.
 * Over 300 s this puts 40 % of the arrivals in the first minute (10 % + 90 % × 0.334), 12 % in the first 10 s and
 * 9 % in the last minute; for 20,000 parents the rate is ~310/s in the first second, ~110/s after 30 s and ~26/s at
 * the end (67/s on average).
 */
export function openingBurst(n: number, seconds = 300): number[] {
  const spike = { share: 0.1, tau: 10 };
  const crowd = { share: 0.9, tau: 200 };
  const part = (p: { share: number; tau: number }, t: number) => (p.share * (1 - Math.exp(-t / p.tau))) / (1 - Math.exp(-seconds / p.tau));
  const cdf = (t: number) => part(spike, t) + part(crowd, t);
  return Array.from({ length: n }, (_, k) => {
    const u = (k + 0.5) / n;
    let low = 0;
    let high = seconds;
    for (let i = 0; i < 50; i++) {
      const mid = (low + high) / 2;
      if (cdf(mid) < u) low = mid;
      else high = mid;
    }
    return ((low + high) / 2) * 1000;
  });
}

/** The share of `offsets` (ms) that fall before `ms`. */
export function shareBefore(offsets: readonly number[], ms: number): number {
  return offsets.filter((o) => o < ms).length / offsets.length;
}

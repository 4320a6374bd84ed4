/**
 * When submissions come in a rush (decision 029): more than `requestsInFlight` API requests being answered at once by
 * one host process or Worker isolate, the asking one included. In a rush a submission's SMS and system checks are left
 * to the sweeper, which takes them in groups (one claim, grouped outcome writes) instead of one by one after each
 * answer. A family submitting while the host is quiet still gets its SMS right after the answer.
 */
export const rushPolicy = { requestsInFlight: 4, holdMs: 1_000 } as const;

export type RushPolicy = { requestsInFlight: number; holdMs: number };

/**
 * Whether a request that finds `inFlight` API requests in flight (itself included) is part of a rush: over the
 * threshold, or within `holdMs` of the last moment it was (`sinceRushMs`, null if never), so that the moments between
 * the waves of a rush, when few requests overlap, still count as the rush.
 */
export function inRush(inFlight: number, sinceRushMs: number | null = null, policy: RushPolicy = rushPolicy): boolean {
  return inFlight > policy.requestsInFlight || (sinceRushMs !== null && sinceRushMs < policy.holdMs);
}

/**
 * When submissions come in a rush (decision 029): more than `submissionsInFlight` submissions being answered at once
 * by one host process or Worker isolate, this one included. In a rush a submission's SMS and system checks are left
 * to the sweeper, which takes them in groups (one claim, grouped outcome writes) instead of one by one after each
 * answer. A family submitting alone, or a few at once, still gets its SMS right after the answer.
 */
export const rushPolicy = { submissionsInFlight: 4 } as const;

/** Whether a submission that finds `inFlight` submissions in flight (itself included) is part of a rush. */
export function inRush(inFlight: number, policy: { submissionsInFlight: number } = rushPolicy): boolean {
  return inFlight > policy.submissionsInFlight;
}

import { inRush, rushPolicy } from '../domain/rush';

/**
 * How busy this host process (or Worker isolate) is with submissions: the signal of rush mode (decision 029).
 * `enter()` when a submission starts (and `leave()` once it is answered) says whether it is part of a rush;
 * `deferred()` notes work left to the sweeper, and `takeDeferred()` hands the count to the sweeper (the Node host
 * sweeps soon after, instead of waiting for its minute).
 */
export interface RushGauge {
  enter(): { rush: boolean; leave(): void };
  deferred(): void;
  /** Submissions whose after-response work was left to the sweeper since the last call. */
  takeDeferred(): number;
  /** Called on each `deferred()`: the Node host nudges its sweeper. */
  onDeferred?: () => void;
}

export function rushGauge(policy: { submissionsInFlight: number } = rushPolicy): RushGauge {
  let inFlight = 0;
  let deferred = 0;
  const gauge: RushGauge = {
    enter() {
      inFlight++;
      let left = false;
      return {
        rush: inRush(inFlight, policy),
        leave() {
          if (left) return;
          left = true;
          inFlight--;
        },
      };
    },
    deferred() {
      deferred++;
      gauge.onDeferred?.();
    },
    takeDeferred() {
      const taken = deferred;
      deferred = 0;
      return taken;
    },
  };
  return gauge;
}

import { inRush, type RushPolicy, rushPolicy } from '../domain/rush';

/**
 * How busy this host process (or Worker isolate) is: API requests in flight, the signal of rush mode (decision 029).
 * The app `enter()`s each `/trpc` request (and calls the returned function once it is answered); a submission asks
 * `inRush()`; `deferred()` notes work left to the sweeper, and `takeDeferred()` hands the count to the sweeper.
 */
export interface RushGauge {
  enter(): () => void;
  inRush(): boolean;
  deferred(): void;
  /** Submissions whose after-response work was left to the sweeper since the last call. */
  takeDeferred(): number;
  /** Called on each `deferred()`: the Node host asks its sweeper to run soon. */
  onDeferred?: () => void;
}

/** `elapsedMs`: a monotonic timer for the hold (not the platform's clock, which a demo or a test may stop). */
export function rushGauge(policy: RushPolicy = rushPolicy, elapsedMs: () => number = () => performance.now()): RushGauge {
  let inFlight = 0;
  let deferred = 0;
  let lastRush: number | null = null;
  const gauge: RushGauge = {
    enter() {
      inFlight++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        inFlight--;
      };
    },
    inRush() {
      const now = elapsedMs();
      const rush = inRush(inFlight, lastRush === null ? null : now - lastRush, policy);
      if (inFlight > policy.requestsInFlight) lastRush = now;
      return rush;
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

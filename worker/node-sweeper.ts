import type { AppDeps } from '../src/api/context';
import { loggableError } from '../src/domain/error-text';
import { sweep, sweepDeferred } from '../src/services/sweep';

/**
 * How soon after a rush left a submission's SMS and checks to the sweeper (decision 029) the Node host sweeps for
 * them, instead of waiting for its minute: soon enough that a family's SMS goes out within seconds, late enough that
 * one sweep takes a whole group.
 */
export const rushSweepDelayMs = 1_000;

/** A serving process of a host of several asks the primary, which runs the one sweeper, for `soon()`. */
export const sweepSoonMessage = { sweep: 'soon' } as const;

export function isSweepSoon(message: unknown): boolean {
  return (message as Partial<typeof sweepSoonMessage> | null)?.sweep === sweepSoonMessage.sweep;
}

/**
 * Under Node, a timer plays the Worker's Cron Trigger: one sweep at a time, never overlapping. `after` runs after each
 * sweep (the host empties the write-ahead log, so removed secrets leave the disk). `soon()` asks for a sweep of the
 * deferred work (SMS and checks) within `rushSweepDelayMs`; asked while a sweep runs, it runs again after that one.
 */
export function startSweeper(deps: AppDeps, everyMs: number, after: () => Promise<unknown> = async () => {}) {
  let running: Promise<unknown> | null = null;
  let soonTimer: ReturnType<typeof setTimeout> | null = null;
  let again = false;
  let stopped = false;
  const run = (work: () => Promise<unknown>) => {
    running = work()
      .catch((error) => deps.log.error(`sweep failed: ${loggableError(error)}`))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          soon();
        }
      });
  };
  const soon = () => {
    if (stopped || soonTimer) return;
    if (running) {
      again = true;
      return;
    }
    soonTimer = setTimeout(() => {
      soonTimer = null;
      if (running) again = true;
      else run(() => sweepDeferred(deps));
    }, rushSweepDelayMs);
    soonTimer.unref();
  };
  const timer = setInterval(() => {
    if (running) return;
    run(() => sweep(deps).then(after));
  }, everyMs);
  timer.unref();
  return {
    soon,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (soonTimer) clearTimeout(soonTimer);
      await running;
    },
  };
}

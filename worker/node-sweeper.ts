import type { AppDeps } from '../src/api/context';
import { loggableError } from '../src/domain/error-text';
import { sweep } from '../src/services/sweep';

/**
 * Under Node, a timer plays the Worker's Cron Trigger: one sweep at a time, never overlapping. `after` runs after each
 * sweep (the host empties the write-ahead log, so removed secrets leave the disk).
 */
export function startSweeper(deps: AppDeps, everyMs: number, after: () => Promise<unknown> = async () => {}) {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweep(deps)
      .then(after)
      .catch((error) => deps.log.error(`sweep failed: ${loggableError(error)}`))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

import type { AppDeps } from '../src/api/context';
import { loggableError } from '../src/domain/error-text';
import { sweep } from '../src/services/sweep';

/** Under Node, a timer plays the Worker's Cron Trigger: one sweep at a time, never overlapping. */
export function startSweeper(deps: AppDeps, everyMs: number) {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweep(deps)
      .catch((error) => deps.log.error(`sweep failed: ${loggableError(error)}`))
      .finally(() => { running = null; });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

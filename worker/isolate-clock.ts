import type { Db } from '../db/client';
import { type Clock, shiftedClock, systemClock } from '../src/adapters/clock';
import { latestKeptInstant } from '../src/services/kept-time';

export interface IsolateClock {
  clock: Clock;
  /** Run before serving a request, with that request's own database client. */
  sync(db: Db, afterResponse: (work: Promise<unknown>) => void): Promise<void>;
}

/**
 * The Worker's clock, one per isolate (a plain offset, no I/O object). A shifted clock (demo mode, `ENROLL_NOW`)
 * starts at the configured instant and is moved forward, never back, to the latest instant of the kept data: the
 * first requests of an isolate wait for that, later ones refresh it after their answer every `resyncEveryMs`. So a
 * new isolate never starts behind what the others wrote, and isolates that write agree within `resyncEveryMs`.
 */
export function isolateClock(startAt: Date | undefined, resyncEveryMs = 30_000): IsolateClock {
  if (!startAt) return { clock: systemClock, sync: async () => {} };
  const clock = shiftedClock(startAt);
  let syncedAt: number | undefined;
  return {
    clock,
    async sync(db, afterResponse) {
      if (syncedAt === undefined) {
        clock.catchUp(await latestKeptInstant(db));
        syncedAt ??= Date.now();
        return;
      }
      if (Date.now() - syncedAt < resyncEveryMs) return;
      syncedAt = Date.now();
      afterResponse(latestKeptInstant(db).then((latest) => clock.catchUp(latest)));
    },
  };
}

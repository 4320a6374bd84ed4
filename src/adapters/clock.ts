/** The one source of "now". Every rule that depends on time takes it from here, so tests and demos can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that runs forward in real time from a chosen start, and can be moved forward but never back. */
export interface ShiftedClock extends Clock {
  /** Moves the clock forward to `instant` if it shows an earlier time; never moves it back. */
  catchUp(instant: Date | null): void;
}

/** A clock that starts at `start` and runs forward in real time: the demo clock, and `ENROLL_NOW`. */
export function shiftedClock(start: Date, realNow: () => number = Date.now): ShiftedClock {
  let offset = start.getTime() - realNow();
  return {
    now: () => new Date(realNow() + offset),
    catchUp(instant) {
      const behind = (instant?.getTime() ?? Number.NEGATIVE_INFINITY) - (realNow() + offset);
      if (behind > 0) offset += behind;
    },
  };
}

/** A clock that stands still until told to move: for tests of boundaries and expiry. */
export interface ManualClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (instant) => {
      t = new Date(instant).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

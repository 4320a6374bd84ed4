/** The one source of "now". Every rule that depends on time takes it from here, so tests and demos can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and runs forward in real time: the demo clock, and `ENROLL_NOW`. */
export function shiftedClock(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
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
    set: (instant) => { t = new Date(instant).getTime(); },
    advance: (ms) => { t += ms; },
  };
}

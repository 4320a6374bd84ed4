/**
 * How long a host serves what it read of the public catalog before reading it again. A change made through this host
 * drops its copy at once (`forget`, after every staff change); a change made through another host — a second Node
 * process on the same file, another Worker isolate — is seen there within this bound, since no message reaches them.
 */
export const catalogFreshMs = 1000;

/**
 * The most whole answers a host keeps at once (`slot`), and their most characters together (about 8 MiB as
 * JavaScript strings, well inside a Worker isolate's memory): any URL may ask, so what they hold has a bound of its own.
 */
export const mostKeptAnswers = 500;
export const mostKeptAnswerChars = 4 * 1024 * 1024;

/** Where one whole answer is kept (decision 037): the fresh one if there is one, and a way to keep a new one. */
export interface AnswerSlot<T> {
  readonly value: T | undefined;
  /**
   * Keeps `value` for `forMs` (at most `catalogFreshMs`), unless `forget` was called since the slot was taken (the
   * answer may hold what was there before the change) or there is no room for its `chars` beside the fresh answers
   * kept already (`mostKeptAnswers`, `mostKeptAnswerChars`).
   */
  keep(value: T, forMs: number, chars: number): void;
}

/**
 * The public catalog's static rows, kept in memory by one host (a Node process or a Worker isolate): a region with its
 * current season, entries, windows and tracks (`catalog.region`), an entry's tracks and channels (`catalog.channels`),
 * a season's policy pages (`catalog.pages`). Nothing kept depends on the time of day: window state is computed per
 * request. While the database is unreachable, what was read less than `catalogFreshMs` ago is still answered.
 */
export interface CatalogCache {
  /** The value read under `key` less than `catalogFreshMs` ago, with no `forget` since; else what `load` reads now. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /**
   * Drops every value, and any read still under way when it is called is not kept. On a host of several processes it
   * also has the other processes drop theirs, and its promise settles once they have (worker/catalog-relay.ts).
   */
  forget(): void | Promise<void>;
  /** A whole answer made from these rows, kept under `key` and dropped with them by `forget` (decision 037). */
  slot<T>(key: string): AnswerSlot<T>;
}

/**
 * A host's cache. `elapsedMs` is a monotonic timer, not the app's clock: freshness is about real time between reads,
 * whatever instant a demo clock shows. A load that fails is not kept (the next request reads again). A kept answer
 * lasts no longer than the rows it may have been made from: those this cache handed out between its slot being taken
 * and its keeping, so a change made on another host is seen within `catalogFreshMs`, answers or not.
 */
export function catalogCache(elapsedMs: () => number = () => performance.now(), freshMs = catalogFreshMs): CatalogCache {
  const values = new Map<string, { value: unknown; readAt: number }>();
  const answers = new Map<string, { value: unknown; until: number; chars: number }>();
  let answerChars = 0;
  /** Slots taken and not yet kept, each with the end of the freshest-lived rows handed out since. */
  const open = new Set<{ takenAt: number; rowsUntil: number }>();
  let generation = 0;
  const handedOut = (readAt: number) => {
    for (const slot of open) slot.rowsUntil = Math.min(slot.rowsUntil, readAt + freshMs);
  };
  const dropAnswer = (key: string) => {
    answerChars -= answers.get(key)?.chars ?? 0;
    answers.delete(key);
  };
  const fits = (chars: number) => answers.size < mostKeptAnswers && answerChars + chars <= mostKeptAnswerChars;
  const roomForAnswer = (now: number, chars: number) => {
    if (fits(chars)) return true;
    for (const [key, kept] of answers) if (kept.until <= now) dropAnswer(key);
    return fits(chars);
  };
  return {
    async get<T>(key: string, load: () => Promise<T>) {
      const kept = values.get(key);
      if (kept && elapsedMs() - kept.readAt < freshMs) {
        handedOut(kept.readAt);
        return kept.value as T;
      }
      const startedIn = generation;
      const readAt = elapsedMs();
      const value = await load();
      if (generation === startedIn) values.set(key, { value, readAt });
      handedOut(readAt);
      return value;
    },
    forget() {
      generation++;
      values.clear();
      answers.clear();
      answerChars = 0;
    },
    slot<T>(key: string): AnswerSlot<T> {
      const now = elapsedMs();
      const kept = answers.get(key);
      if (kept && now < kept.until) return { value: kept.value as T, keep() {} };
      // A slot whose request failed is never kept; after `freshMs` nothing could be kept from it anyway.
      for (const slot of open) if (slot.takenAt <= now - freshMs) open.delete(slot);
      const slot = { takenAt: now, rowsUntil: Number.POSITIVE_INFINITY };
      open.add(slot);
      const takenIn = generation;
      return {
        value: undefined,
        keep(value, forMs, chars) {
          open.delete(slot);
          const until = Math.min(slot.takenAt + Math.min(forMs, freshMs), slot.rowsUntil);
          const keptAt = elapsedMs();
          dropAnswer(key);
          if (generation !== takenIn || until <= keptAt || !roomForAnswer(keptAt, chars)) return;
          answers.set(key, { value, until, chars });
          answerChars += chars;
        },
      };
    },
  };
}

/** Reads straight through: for callers outside a host (test helpers, scripts). */
export const noCatalogCache: CatalogCache = {
  get: (_key, load) => load(),
  forget() {},
  slot: () => ({ value: undefined, keep() {} }),
};

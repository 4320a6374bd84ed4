/**
 * How long a host serves what it read of the public catalog before reading it again. A change made through this host
 * drops its copy at once (`forget`, after every staff change); a change made through another host — a second Node
 * process on the same file, another Worker isolate — is seen there within this bound, since no message reaches them.
 */
export const catalogFreshMs = 1000;

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
}

/**
 * A host's cache. `elapsedMs` is a monotonic timer, not the app's clock: freshness is about real time between reads,
 * whatever instant a demo clock shows. A load that fails is not kept (the next request reads again).
 */
export function catalogCache(elapsedMs: () => number = () => performance.now(), freshMs = catalogFreshMs): CatalogCache {
  const values = new Map<string, { value: unknown; readAt: number }>();
  let generation = 0;
  return {
    async get<T>(key: string, load: () => Promise<T>) {
      const kept = values.get(key);
      if (kept && elapsedMs() - kept.readAt < freshMs) return kept.value as T;
      const startedIn = generation;
      const readAt = elapsedMs();
      const value = await load();
      if (generation === startedIn) values.set(key, { value, readAt });
      return value;
    },
    forget() {
      generation++;
      values.clear();
    },
  };
}

/** Reads straight through: for callers outside a host (test helpers, scripts). */
export const noCatalogCache: CatalogCache = { get: (_key, load) => load(), forget() {} };

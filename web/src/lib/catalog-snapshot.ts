import type { RouterOutputs } from './trpc';

/** What the host put into the home page's shell (`src/api/page-shell.ts`): the catalog the home page shows first. */
interface Snapshot {
  regions?: RouterOutputs['catalog']['regions'];
  region?: RouterOutputs['catalog']['region'];
  pages?: RouterOutputs['catalog']['pages'];
}

const element = typeof document === 'undefined' ? null : document.getElementById('catalog-snapshot');
const snapshot: Snapshot = element?.textContent ? (JSON.parse(element.textContent) as Snapshot) : {};

/** The region whose season and pages the snapshot holds. */
export const snapshotRegionId = snapshot.region?.id;

/**
 * The snapshot's value for `key`, once: the first read of the page takes it instead of a round trip, and every later
 * read (a revalidation, another visit) asks the API, so nothing stale outlives the first paint.
 */
export function takeFromSnapshot<K extends keyof Snapshot>(key: K, matches: (value: NonNullable<Snapshot[K]>) => boolean = () => true) {
  const value = snapshot[key];
  if (value === undefined || !matches(value)) return undefined;
  delete snapshot[key];
  return value;
}

import { api } from '../lib/trpc';
import { lastQueue } from './queue-memory';
import { type QueueSearch, queueInputOf } from './url-state';

/** The queue's filters as last seen (its address), as the queue procedure takes them. */
function lastQueueInput() {
  const search: QueueSearch = {};
  new URL(lastQueue(), 'http://queue').searchParams.forEach((value, key) => {
    if (!(key in search)) (search as Record<string, string>)[key] = value;
  });
  return queueInputOf(search);
}

export interface PlaceInQueue {
  /** The applications after the current one on its page. */
  following: string[];
  /** The current one and those before it. */
  upTo: Set<string>;
}

/** Where the application stands in the queue as last filtered: read before deciding it. */
export async function placeInQueue(currentId: string): Promise<PlaceInQueue> {
  const ids = (await api.review.queue.query(lastQueueInput())).rows.map((r) => r.id);
  const at = ids.indexOf(currentId);
  if (at < 0) return { following: ids, upTo: new Set([currentId]) };
  return { following: ids.slice(at + 1), upTo: new Set(ids.slice(0, at + 1)) };
}

/**
 * 保存并下一条: the application that followed the decided one; if it was the last of its page, the queue is read
 * afresh (the decided one has usually left a 审核中 filter): the first one not at or before it, else the first one
 * still listed (the reviewer goes round to those passed over). Null when none is left.
 */
export async function nextInQueue(place: PlaceInQueue, currentId: string): Promise<string | null> {
  if (place.following.length > 0) return place.following[0]!;
  const ids = (await api.review.queue.query(lastQueueInput())).rows.map((r) => r.id).filter((id) => id !== currentId);
  return ids.find((id) => !place.upTo.has(id)) ?? ids[0] ?? null;
}

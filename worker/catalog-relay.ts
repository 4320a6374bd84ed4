import type { Worker } from 'node:cluster';
import { type CatalogCache, catalogFreshMs } from '../src/services/catalog-cache';

/**
 * The processes of one Node host drop their catalog copies together: the process where an administrator's change was
 * made asks the primary (`forget`), the primary has every other process drop its copy (`forget`, answered with
 * `forgotten`) and then answers the asking process (`forgotten`). Over the cluster's IPC channel, well under a
 * millisecond per process when idle.
 */
export type CatalogMessage = { catalog: 'forget' | 'forgotten'; id: number };

function isCatalogMessage(message: unknown): message is CatalogMessage {
  const m = message as Partial<CatalogMessage> | null;
  return typeof m === 'object' && m !== null && (m.catalog === 'forget' || m.catalog === 'forgotten') && typeof m.id === 'number';
}

/** What a serving process needs of its IPC channel to the primary (`process` in a cluster worker). */
export interface PrimaryChannel {
  send(message: CatalogMessage): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * A serving process's catalog: `local`, whose `forget` also has every other process of the host drop its copy and
 * settles once they have (or after `catalogFreshMs`, the bound that holds even if a message is lost), so that an
 * administrator's answer leaves only when no process of the host still shows the old catalog.
 */
export function relayedCatalog(local: CatalogCache, primary: PrimaryChannel, waitMs = catalogFreshMs): CatalogCache {
  let next = 0;
  const waiting = new Map<number, () => void>();
  primary.on('message', (message) => {
    if (!isCatalogMessage(message)) return;
    if (message.catalog === 'forget') {
      local.forget();
      primary.send({ catalog: 'forgotten', id: message.id });
    } else {
      waiting.get(message.id)?.();
    }
  });
  return {
    get: (key, load) => local.get(key, load),
    slot: (key) => local.slot(key),
    forget() {
      local.forget();
      const id = next++;
      return new Promise<void>((settled) => {
        const timer = setTimeout(done, waitMs);
        function done() {
          clearTimeout(timer);
          waiting.delete(id);
          settled();
        }
        waiting.set(id, done);
        primary.send({ catalog: 'forget', id });
      });
    },
  };
}

/**
 * The primary's side: relays each serving process's `forget` to all the others and answers it when all have dropped
 * their copies, or after `waitMs` (a process that is starting or stopping does not hold the administrator up).
 */
export function relayCatalogForgets(workers: () => Worker[], waitMs = catalogFreshMs) {
  let next = 0;
  const waiting = new Map<number, (from: Worker) => void>();
  return (from: Worker, message: unknown) => {
    if (!isCatalogMessage(message)) return;
    if (message.catalog === 'forgotten') {
      waiting.get(message.id)?.(from);
      return;
    }
    const others = workers().filter((w) => w !== from && w.isConnected());
    const id = next++;
    const answer = () => {
      clearTimeout(timer);
      waiting.delete(id);
      if (from.isConnected()) from.send({ catalog: 'forgotten', id: message.id } satisfies CatalogMessage);
    };
    const timer = setTimeout(answer, waitMs);
    const pending = new Set(others);
    waiting.set(id, (worker) => {
      pending.delete(worker);
      if (pending.size === 0) answer();
    });
    if (pending.size === 0) answer();
    for (const worker of others) worker.send({ catalog: 'forget', id } satisfies CatalogMessage);
  };
}

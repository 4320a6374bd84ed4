import { type Client, createClient } from '@libsql/client/http';
import { drizzle } from 'drizzle-orm/libsql/http';
import type { Db } from './client';
import { fetchWhenShed } from './fetch-when-shed';
import { retryPause } from './retry-pause';
import * as schema from './schema';

/**
 * Opens a libSQL server over HTTP from the Worker (sqld locally, Turso or a self-hosted sqld in production). The
 * Worker opens one per request: a client queues queries and holds streams, which must not serve two requests.
 * Load the server sheds (429) and writes it refuses while another holds the lock (SQLITE_BUSY) are tried again.
 *
 * `relationalQueries: false` (the Worker) leaves out drizzle's relational query API, which the app does not use
 * (`test/unit/no-relational-queries.test.ts`): drizzle derives its config from the whole schema on every client it
 * makes, ~0.45 ms of CPU per request (decision 027). Scripts and tests keep it.
 */
export function createWebDb(url: string, authToken?: string, options: { relationalQueries?: boolean } = {}): Db {
  const client = retryWhenBusy(createClient({ url, authToken, fetch: fetchWhenShed() }));
  return (options.relationalQueries === false ? drizzle(client) : drizzle(client, { schema })) as unknown as Db;
}

/**
 * A statement or batch refused with SQLITE_BUSY did nothing (a batch runs in one transaction that is rolled back), so
 * it is sent again after a short, growing, jittered wait. Over HTTP each call has its own connection to the server,
 * so two requests' writes meet there, where a single embedded connection would have queued them.
 */
function retryWhenBusy(client: Client, attempts = 8, firstDelayMs = 20): Client {
  const retried =
    <T>(call: () => Promise<T>) =>
    async (): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await call();
        } catch (error) {
          if (attempt >= attempts || !isBusy(error)) throw error;
          await retryPause(attempt, firstDelayMs);
        }
      }
    };
  const batch = client.batch.bind(client);
  const execute = client.execute.bind(client);
  client.batch = (statements, mode) => retried(() => batch(statements, mode))();
  client.execute = ((statement: Parameters<Client['execute']>[0], args?: Parameters<Client['execute']>[1]) =>
    retried(() => execute(statement as never, args as never))()) as Client['execute'];
  return client;
}

function isBusy(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return code === 'SQLITE_BUSY' || /SQLITE_BUSY|database is locked/.test(String((error as Error)?.message ?? ''));
}

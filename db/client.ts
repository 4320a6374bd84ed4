import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/**
 * Opens the embedded libSQL database (a `file:` URL) or a libSQL server (`http(s):`/`libsql:`) from Node.
 * A file database runs in WAL mode with `synchronous=FULL`: an acknowledged write survives a power cut.
 *
 * @example const db = await createDb('file:./data/enrollment.db');
 */
export async function createDb(url: string, authToken?: string): Promise<Db> {
  const client = createClient({ url, authToken });
  if (url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = FULL');
    await client.execute('PRAGMA busy_timeout = 5000');
    await client.execute('PRAGMA foreign_keys = ON');
  }
  return drizzle(client, { schema });
}

import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import type { Db } from './client';
import * as schema from './schema';

/** Opens a libSQL server over HTTP from the Worker (sqld locally, Turso or a self-hosted sqld in production). */
export function createWebDb(url: string, authToken?: string): Db {
  return drizzle(createClient({ url, authToken }), { schema }) as unknown as Db;
}

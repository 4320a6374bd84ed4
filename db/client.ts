import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema';
import { commitInGroups } from './group-commit';
import { keepPreparedStatements } from './statement-cache';

const busyTimeoutMs = 5000;

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** The path of a `file:` URL (`file:./data/enrollment.db`, `file:///srv/db.sqlite?mode=rw`). */
function filePath(url: string): string {
  const path = url.slice('file:'.length).split('?')[0]!;
  return path.startsWith('//') ? decodeURIComponent(path.slice(2)) : decodeURIComponent(path);
}

/**
 * The database file and its `-wal` / `-shm` companions readable by the host's user only (0600): created so before
 * libSQL opens it (SQLite gives the companions the database file's mode), and tightened if an older host left them
 * world-readable.
 */
function keepPrivate(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/**
 * Opens the embedded libSQL database (a `file:` URL) or a libSQL server (`http(s):`/`libsql:`) from Node.
 * A file database runs in WAL mode with `synchronous=FULL`: an acknowledged write survives a power cut. The writes
 * that arrive together share one commit (`commitInGroups`, decision 036). Its file is private to the host's user, and
 * `secure_delete` zeroes what a change removes (a sign-in code's SMS once sent), so no free page keeps it.
 *
 * @example const db = await createDb('file:./data/enrollment.db');
 */
export async function createDb(url: string, authToken?: string): Promise<Db> {
  const file = url.startsWith('file:') && !url.includes(':memory:') ? filePath(url) : null;
  if (file) keepPrivate(file);
  if (url.startsWith('file:')) keepPreparedStatements();
  // One connection to a file (every PRAGMA below holds for all of the client's statements), whose busy handler waits
  // up to 5 s for another process's writer; libSQL sets the handler from `timeout`, not from `PRAGMA busy_timeout`.
  const client = createClient(file ? { url, authToken, concurrency: 1, timeout: busyTimeoutMs } : { url, authToken });
  if (url.startsWith('file:')) {
    writersQueueAtBegin(client);
    commitInGroups(client);
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = FULL');
    await client.execute('PRAGMA foreign_keys = ON');
    await client.execute('PRAGMA secure_delete = ON');
  }
  return drizzle(client, { schema });
}

/**
 * A batch that writes takes the write lock at its BEGIN (IMMEDIATE), where SQLite's busy handler waits for another
 * process's writer, rather than at its first write, where a snapshot another process has since moved past fails at
 * once (SQLITE_BUSY_SNAPSHOT). Batches of reads only stay deferred, so they never wait for a writer.
 */
function writersQueueAtBegin(client: Client): void {
  const batch = client.batch.bind(client);
  const readsOnly = (stmts: Parameters<Client['batch']>[0]) =>
    stmts.every((s) => /^\s*select\b/i.test(typeof s === 'string' ? s : Array.isArray(s) ? String(s[0]) : s.sql));
  client.batch = (stmts, mode) => batch(stmts, mode ?? (readsOnly(stmts) ? 'deferred' : 'write'));
}

/**
 * Folds the write-ahead log of a file database into the database file and empties it, so that page images of
 * removed content (a sent code) do not linger in the `-wal` file. A no-op for libSQL servers; a busy database is
 * tried again at the next call.
 */
export async function truncateWal(db: Db, url: string): Promise<void> {
  if (!url.startsWith('file:')) return;
  await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
}

import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';

/**
 * Backup and restore of the Node host's data while it runs: the libSQL database file and the documents folder.
 *
 * The database copy is `VACUUM INTO` from a connection of our own: SQLite reads one consistent snapshot (a read
 * transaction on the WAL database) while the host keeps writing. Documents are files that are only ever created
 * (written aside, then renamed) or deleted, never changed in place; they are taken before and after the snapshot
 * (hard links when the backup is on the same file system, copies otherwise), so every document the snapshot's rows
 * name is in the backup unless it was deleted in the moment between the snapshot and the second pass, which the
 * check at the end reports (run the backup again). Everything is written owner-only (0600/0700): it is personal data.
 */

export const backupDatabaseName = 'enrollment.db';
export const backupFilesName = 'files';
export const manifestName = 'manifest.json';

export interface BackupManifest {
  createdAt: string;
  /** Rows per table in the snapshot. */
  tables: Record<string, number>;
  /** Documents in the snapshot's `documents` table, and files in the backup's folder. */
  documents: number;
  files: number;
  /** Storage keys the snapshot names whose bytes are not in the backup (must be empty for a good backup). */
  missingFiles: string[];
  /** Files in the backup that no document row names (an upload in flight, or bytes the sweeper will delete). */
  unreferencedFiles: number;
}

const filePath = (databaseUrl: string): string => {
  if (!databaseUrl.startsWith('file:'))
    throw new Error('backup: only a file: database (the Node host) can be copied this way; a libSQL server has its own backups');
  return resolve(databaseUrl.slice('file:'.length));
};

/** Every document file under a files folder: `<two-character folder>/<key>`, leaving out temporary files. */
function documentFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  for (const folder of readdirSync(root)) {
    const dir = join(root, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) if (!name.startsWith('.')) found.push(join(folder, name));
  }
  return found;
}

/** Takes the files not yet in `to`: a hard link where possible, else a copy. A file deleted meanwhile is skipped. */
function takeFiles(from: string, to: string, taken: Set<string>): void {
  for (const relative of documentFiles(from)) {
    if (taken.has(relative)) continue;
    const target = join(to, relative);
    mkdirSync(join(target, '..'), { recursive: true, mode: 0o700 });
    try {
      try {
        linkSync(join(from, relative), target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EXDEV' && code !== 'EPERM') throw error;
        copyFileSync(join(from, relative), target);
        chmodSync(target, 0o600);
      }
      taken.add(relative);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

async function describeSnapshot(databaseFile: string, filesDir: string): Promise<Omit<BackupManifest, 'createdAt'>> {
  const client = createClient({ url: `file:${databaseFile}` });
  try {
    const check = await client.execute('PRAGMA integrity_check');
    if (check.rows[0]?.[0] !== 'ok') throw new Error(`backup: the copy fails its integrity check: ${String(check.rows[0]?.[0])}`);
    const names = (
      await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    ).rows.map((r) => String(r[0]));
    const tables: Record<string, number> = {};
    for (const name of names)
      tables[name] = Number((await client.execute(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)).rows[0]![0]);
    const keys = names.includes('documents')
      ? (await client.execute('SELECT storage_key FROM documents')).rows.map((r) => String(r[0]))
      : [];
    const present = new Set(documentFiles(filesDir).map((relative) => relative.slice(relative.indexOf('/') + 1)));
    const referenced = new Set(keys);
    return {
      tables,
      documents: keys.length,
      files: present.size,
      missingFiles: keys.filter((key) => !present.has(key)),
      unreferencedFiles: [...present].filter((key) => !referenced.has(key)).length,
    };
  } finally {
    client.close();
  }
}

/** Copies the database at `databaseUrl` and the documents under `filesDir` into the new folder `to`. */
export async function backup(options: { databaseUrl: string; filesDir: string; to: string; now?: Date }): Promise<BackupManifest> {
  const source = filePath(options.databaseUrl);
  if (!existsSync(source)) throw new Error(`backup: no database at ${source}`);
  const to = resolve(options.to);
  if (existsSync(to) && readdirSync(to).length > 0) throw new Error(`backup: ${to} is not empty; back up into a new folder`);
  mkdirSync(join(to, backupFilesName), { recursive: true, mode: 0o700 });
  chmodSync(to, 0o700);

  const filesDir = resolve(options.filesDir);
  const taken = new Set<string>();
  takeFiles(filesDir, join(to, backupFilesName), taken);

  const databaseCopy = join(to, backupDatabaseName);
  const client = createClient({ url: `file:${source}` });
  try {
    await client.execute('PRAGMA busy_timeout = 5000');
    await client.execute({ sql: 'VACUUM INTO ?', args: [databaseCopy] });
  } finally {
    client.close();
  }
  chmodSync(databaseCopy, 0o600);

  takeFiles(filesDir, join(to, backupFilesName), taken);
  const manifest: BackupManifest = {
    createdAt: (options.now ?? new Date()).toISOString(),
    ...(await describeSnapshot(databaseCopy, join(to, backupFilesName))),
  };
  writeFileSync(join(to, manifestName), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/**
 * Puts a backup in place for a host that is NOT running: the database file at `databaseUrl` (its old `-wal` and
 * `-shm` removed) and the documents folder `filesDir`. Refuses to overwrite existing data unless `force`.
 */
export async function restore(options: { from: string; databaseUrl: string; filesDir: string; force?: boolean }): Promise<BackupManifest> {
  const from = resolve(options.from);
  const manifest = JSON.parse(readFileSync(join(from, manifestName), 'utf8')) as BackupManifest;
  const check = await describeSnapshot(join(from, backupDatabaseName), join(from, backupFilesName));
  if (check.missingFiles.length) throw new Error(`restore: the backup lacks ${check.missingFiles.length} documents its rows name`);

  const target = filePath(options.databaseUrl);
  const filesDir = resolve(options.filesDir);
  const existing = [target, `${target}-wal`, `${target}-shm`].filter(existsSync);
  const filesInPlace = documentFiles(filesDir).length > 0;
  if ((existing.length || filesInPlace) && !options.force) {
    throw new Error(`restore: ${existing[0] ?? filesDir} already holds data; stop the host and pass --force to replace it`);
  }
  for (const path of existing) rmSync(path);
  rmSync(filesDir, { recursive: true, force: true });

  mkdirSync(join(target, '..'), { recursive: true });
  copyFileSync(join(from, backupDatabaseName), target);
  chmodSync(target, 0o600);
  mkdirSync(filesDir, { recursive: true, mode: 0o700 });
  for (const relative of documentFiles(join(from, backupFilesName))) {
    mkdirSync(join(filesDir, relative, '..'), { recursive: true, mode: 0o700 });
    copyFileSync(join(from, backupFilesName, relative), join(filesDir, relative));
    chmodSync(join(filesDir, relative), 0o600);
  }
  return manifest;
}

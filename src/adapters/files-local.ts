import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isStorageKey } from '../domain/file-types';
import type { FileStore } from './files';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const contentTypePattern = /^[a-z]+\/[a-z0-9.+-]{1,60}$/;

function assertKey(key: string): void {
  if (!isStorageKey(key)) throw new Error('file store: not a storage key');
}

/**
 * The Node host's file store: one file per document under `dir` (`FILES_DIR`), spread over 1,024 sub-folders by the
 * key's first two characters. Each file is `<content type>\n` followed by the bytes. A write goes to a temporary file
 * that is flushed to disk and then renamed, so a document whose row was committed survives a crash whole, never half.
 * Keys are the server's random ids, checked on every call: no name from a request ever becomes a path.
 * Folders are the host user's only (0700, also a root an older host created open), files too (0600).
 */
export function localFiles(dir: string): FileStore {
  const root = resolve(dir);
  const folderOf = (key: string) => join(root, key.slice(0, 2));
  const pathOf = (key: string) => join(folderOf(key), key);
  keepPrivate(root);

  return {
    async put(key, bytes, contentType) {
      assertKey(key);
      if (!contentTypePattern.test(contentType)) throw new Error('file store: not a content type');
      const folder = folderOf(key);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const temporary = join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writev([encoder.encode(`${contentType}\n`), bytes]);
        await file.datasync();
      } catch (error) {
        await file.close();
        await rm(temporary, { force: true });
        throw error;
      }
      await file.close();
      await rename(temporary, pathOf(key));
      await syncFolder(folder);
    },

    async get(key) {
      assertKey(key);
      let stored: Buffer;
      try {
        stored = await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const newline = stored.subarray(0, 80).indexOf(0x0a);
      if (newline < 0) throw new Error('file store: stored file has no content type line');
      const bytes = new Uint8Array(stored.buffer, stored.byteOffset + newline + 1, stored.length - newline - 1);
      return { bytes, contentType: decoder.decode(stored.subarray(0, newline)) };
    },

    /** Also removes temporaries of the key that a process killed mid-write left behind. */
    async delete(key) {
      assertKey(key);
      await rm(pathOf(key), { force: true });
      const leftovers = await readdir(folderOf(key)).catch(() => [] as string[]);
      await Promise.all(
        leftovers
          .filter((name) => name.startsWith(`.${key}.`) && name.endsWith('.tmp'))
          .map((name) => rm(join(folderOf(key), name), { force: true })),
      );
    },
  };
}

/**
 * The store's folder and its sub-folders open to the host's user only (0700), also when an older host created them
 * open; runs once when the host builds the store. Files are written 0600.
 */
function keepPrivate(root: string): void {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  chmodSync(root, 0o700);
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(join(root, entry.name), 0o700);
  }
}

/** Makes the rename itself durable (the folder's entry); not every file system allows it, so failures are ignored. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // e.g. EISDIR/EPERM on some platforms: the data itself is already on disk
  }
}

import { type FileStore, UnreadableFileError } from './files';
import { isSealedFile, type Vault } from './vault';

/**
 * Uploaded documents encrypted at rest, whatever keeps the bytes (the Node host's folder or R2): this store seals
 * every document with the vault's document key before handing it to `store`, and opens it again on the way out.
 * Bytes stored before documents were encrypted carry no marker and are served as they are.
 *
 * @example const files = sealedFiles(localFiles(config.filesDir), vault);
 */
export function sealedFiles(store: FileStore, vault: Pick<Vault, 'sealFile' | 'openFile'>): FileStore {
  return {
    async put(key, bytes, contentType) {
      await store.put(key, await vault.sealFile(bytes, key), contentType);
    },

    async get(key) {
      const stored = await store.get(key);
      if (!stored || !isSealedFile(stored.bytes)) return stored;
      try {
        return { bytes: await vault.openFile(stored.bytes, key), contentType: stored.contentType };
      } catch (error) {
        throw new UnreadableFileError('file store: sealed bytes do not open under their key (changed or moved)', { cause: error });
      }
    },

    delete: (key) => store.delete(key),
  };
}

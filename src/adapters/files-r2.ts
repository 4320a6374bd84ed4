import { isStorageKey } from '../domain/file-types';
import type { FileStore } from './files';

/**
 * The part of Cloudflare's `R2Bucket` this store uses. Declared here so that the Node typecheck (which has no
 * Workers types) can check this file too; the Worker passes its `R2Bucket` binding, which fits it.
 */
export interface R2BucketLike {
  put(key: string, value: ArrayBuffer | ArrayBufferView, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; httpMetadata?: { contentType?: string } } | null>;
  delete(key: string): Promise<void>;
}

function assertKey(key: string): void {
  if (!isStorageKey(key)) throw new Error('file store: not a storage key');
}

/** The Worker's file store: one R2 object per document, its content type in the object's HTTP metadata. */
export function r2Files(bucket: R2BucketLike): FileStore {
  return {
    async put(key, bytes, contentType) {
      assertKey(key);
      await bucket.put(key, bytes, { httpMetadata: { contentType } });
    },

    async get(key) {
      assertKey(key);
      const object = await bucket.get(key);
      if (!object) return null;
      return {
        bytes: new Uint8Array(await object.arrayBuffer()),
        contentType: object.httpMetadata?.contentType ?? 'application/octet-stream',
      };
    },

    async delete(key) {
      assertKey(key);
      await bucket.delete(key);
    },
  };
}

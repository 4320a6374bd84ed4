/** Where uploaded documents' bytes live: a local folder under Node, R2 in the Worker. Keys are opaque. */
export interface FileStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  delete(key: string): Promise<void>;
}

/** Stored bytes that cannot be read back as a document (changed, or moved from another key): the store's fault. */
export class UnreadableFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreadableFileError';
  }
}

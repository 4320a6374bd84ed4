import type { TestHost } from './host';
import { samplePng } from './sample-files';

/** What `POST /api/files` takes, as a page sends it; the file is the sample PNG unless `bytes` is given. */
export interface DocumentPost {
  applicationId: string;
  kind: string;
  side?: string;
  replaces?: string;
  /** The file's bytes (the sender's type left out: the server reads the bytes) and name; the sample PNG by default. */
  bytes?: Uint8Array;
  fileName?: string;
}

/** `POST /api/files` with a parent's bearer token; the raw response, for tests that look at refusals too. */
export function postDocument(t: Pick<TestHost, 'url'>, token: string, post: DocumentPost): Promise<Response> {
  const form = new FormData();
  form.set('applicationId', post.applicationId);
  form.set('kind', post.kind);
  if (post.side !== undefined) form.set('side', post.side);
  if (post.replaces) form.set('replaces', post.replaces);
  const file = post.bytes
    ? new Blob([post.bytes as Uint8Array<ArrayBuffer>])
    : new Blob([samplePng as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  form.set('file', file, post.fileName ?? `${post.kind}.png`);
  return fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}`, origin: t.url }, body: form });
}

/** Uploads the sample PNG as a document of `kind` through `POST /api/files`, as a page does; returns the document id. */
export async function uploadSample(t: Pick<TestHost, 'url'>, token: string, applicationId: string, kind: string): Promise<string> {
  const response = await postDocument(t, token, { applicationId, kind });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

import type { TestHost } from './host';
import { samplePng } from './sample-files';

/** Uploads the sample PNG as a document of `kind` through `POST /api/files`, as a page does; returns the document id. */
export async function uploadSample(t: Pick<TestHost, 'url'>, token: string, applicationId: string, kind: string): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([samplePng], { type: 'image/png' }), `${kind}.png`);
  form.set('applicationId', applicationId);
  form.set('kind', kind);
  const response = await fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

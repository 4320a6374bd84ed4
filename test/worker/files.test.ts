import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { samplePng, sampleText } from '../helpers/sample-files';
import type { WranglerDev } from '../helpers/wrangler';
import { startWorkerStack } from '../helpers/worker-stack';

const now = '2024-07-20T10:00:00+08:00';

describe('documents in the Worker under wrangler dev: bytes in (local) R2, rows in sqld', () => {
  let stack: Awaited<ReturnType<typeof startWorkerStack<SeededApplication>>>;
  let worker: WranglerDev | undefined;
  let parent: SeededApplication;

  beforeAll(async () => {
    stack = await startWorkerStack({ now, prepare: (db) => parentWithApplication(db, { phone: '13712345678', now: new Date(now) }) });
    worker = stack.worker;
    parent = stack.prepared;
  });

  afterAll(() => stack?.stop());

  const auth = () => ({ authorization: `Bearer ${parent.token}` });

  function upload(bytes: Uint8Array, name: string) {
    const form = new FormData();
    form.append('applicationId', parent.applicationId);
    form.append('kind', 'student-hukou');
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }), name);
    return fetch(`${worker!.url}/api/files`, { method: 'POST', headers: auth(), body: form });
  }

  it('runs with the DOCUMENTS bucket in local R2', () => {
    expect(worker?.output()).toMatch(/env\.DOCUMENTS \(enrollment-documents\)\s+R2 Bucket\s+local/);
  });

  it('uploads a PNG and serves the same bytes back, uncached and sandboxed', async () => {
    const response = await upload(samplePng, '户口簿.png');
    expect(response.status, await response.clone().text()).toBe(201);
    const doc = (await response.json()) as { id: string; contentType: string; size: number; fileName: string };
    expect(doc).toMatchObject({ contentType: 'image/png', size: samplePng.length, fileName: '户口簿.png' });

    const served = await fetch(`${worker!.url}/api/files/${doc.id}`, { headers: auth() });
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(samplePng);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('no-store');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(served.headers.get('content-disposition')).toBe(
      `inline; filename="___.png"; filename*=UTF-8''${encodeURIComponent('户口簿.png')}`,
    );

    expect((await fetch(`${worker!.url}/api/files/${doc.id}`)).status).toBe(401);
    const removed = await fetch(`${worker!.url}/api/files/${doc.id}`, { method: 'DELETE', headers: auth() });
    expect(removed.status).toBe(200);
    expect((await fetch(`${worker!.url}/api/files/${doc.id}`, { headers: auth() })).status).toBe(404);
  });

  it('keeps the document encrypted in R2 and serves the owner the original bytes', async () => {
    const response = await upload(samplePng, '户口簿.png');
    expect(response.status, await response.clone().text()).toBe(201);
    const doc = (await response.json()) as { id: string };
    const r2 = readdirSync(join(worker!.stateDir, 'v3', 'r2'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name)));
    const sealedSize = samplePng.length + 6 + 12 + 16; // marker, nonce, GCM tag
    // Positive control: the object is there, with the size of the sealed document.
    expect(r2.some((bytes) => bytes.length === sealedSize)).toBe(true);
    for (const bytes of r2) {
      expect(bytes.includes(Buffer.from(samplePng))).toBe(false);
      expect(bytes.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    }
    const served = await fetch(`${worker!.url}/api/files/${doc.id}`, { headers: auth() });
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(samplePng);
  });

  it('refuses a text file named like a photo, in Chinese', async () => {
    const response = await upload(sampleText, 'photo.png');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'BAD_REQUEST', domainCode: 'DOCUMENT_REJECTED', message: '仅支持 JPG、PNG、WebP 图片或 PDF 文件' },
    });
  });
});

import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../../db/schema';
import { localFiles } from '../../src/adapters/files-local';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { sampleJpeg, samplePng } from '../helpers/sample-files';
import { tempDir } from '../helpers/temp';

let t: TestHost;
let filesDir: ReturnType<typeof tempDir>;
let parent: SeededApplication;

beforeAll(async () => {
  filesDir = tempDir('at-rest');
  t = await startTestHost({ env: { FILES_DIR: join(filesDir.path, 'files') } });
  parent = await parentWithApplication(t.host.deps.db, { phone: '13712340001', now: t.clock.now() });
});
afterAll(async () => {
  await t?.close();
  filesDir?.remove();
});

const mode = (path: string) => statSync(path).mode & 0o777;
const auth = () => ({ authorization: `Bearer ${parent.token}`, origin: t.url });

async function upload(bytes: Uint8Array, kind: string): Promise<{ id: string }> {
  const form = new FormData();
  form.append('applicationId', parent.applicationId);
  form.append('kind', kind);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'photo.jpg');
  const response = await fetch(`${t.url}/api/files`, { method: 'POST', headers: auth(), body: form });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string };
}

async function storedPath(documentId: string): Promise<string> {
  const [row] = await t.host.deps.db.select({ key: documents.storageKey }).from(documents).where(eq(documents.id, documentId));
  return join(filesDir.path, 'files', row!.key.slice(0, 2), row!.key);
}

const contains = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).includes(Buffer.from(needle));
const pngMagic = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const jpegMagic = new Uint8Array([0xff, 0xd8, 0xff]);

describe('data at rest on the Node host', () => {
  it('creates the database file and its -wal and -shm readable by the host user only', () => {
    for (const file of [t.dbFile, `${t.dbFile}-wal`, `${t.dbFile}-shm`]) expect(mode(file).toString(8), file).toBe('600');
  });

  it('keeps documents encrypted on disk in private folders, and serves the owner the original bytes', async () => {
    for (const [sample, kind] of [
      [samplePng, 'student-hukou'],
      [sampleJpeg, 'father-hukou'],
    ] as const) {
      const { id } = await upload(sample, kind);
      const path = await storedPath(id);
      const onDisk = new Uint8Array(readFileSync(path));
      expect(contains(onDisk, sample)).toBe(false);
      expect(contains(onDisk, pngMagic)).toBe(false);
      expect(contains(onDisk, jpegMagic)).toBe(false);
      expect(contains(onDisk, sample.subarray(16, 48))).toBe(false);
      expect(mode(path).toString(8)).toBe('600');
      expect(mode(join(path, '..')).toString(8)).toBe('700');
      const served = await fetch(`${t.url}/api/files/${id}`, { headers: auth() });
      expect(served.status).toBe(200);
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(sample);
    }
    expect(mode(join(filesDir.path, 'files')).toString(8)).toBe('700');
  });

  it('closes a documents folder an older host left open when the store is built', () => {
    const old = join(filesDir.path, 'old-files');
    mkdirSync(join(old, 'ab'), { recursive: true, mode: 0o755 });
    chmodSync(old, 0o755);
    chmodSync(join(old, 'ab'), 0o755);
    localFiles(old);
    expect(mode(old).toString(8)).toBe('700');
    expect(mode(join(old, 'ab')).toString(8)).toBe('700');
  });

  it('encrypts the same document twice to different bytes (a fresh nonce per file)', async () => {
    const first = readFileSync(await storedPath((await upload(samplePng, 'mother-hukou')).id));
    const second = readFileSync(await storedPath((await upload(samplePng, 'mother-hukou')).id));
    expect(Buffer.compare(first, second)).not.toBe(0);
  });

  it('still serves a document stored in plain bytes before documents were encrypted', async () => {
    const { id } = await upload(sampleJpeg, 'father-id-card');
    const [row] = await t.host.deps.db.select({ key: documents.storageKey }).from(documents).where(eq(documents.id, id));
    // What an older host wrote: the plain file format of the local store, without encryption.
    await localFiles(join(filesDir.path, 'files')).put(row!.key, sampleJpeg, 'image/jpeg');
    expect(contains(new Uint8Array(readFileSync(await storedPath(id))), jpegMagic)).toBe(true);
    const served = await fetch(`${t.url}/api/files/${id}`, { headers: auth() });
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(sampleJpeg);
  });

  it("refuses sealed bytes moved under another document's key instead of serving them", async () => {
    const a = await upload(samplePng, 'student-hukou');
    const b = await upload(sampleJpeg, 'student-hukou');
    const pathA = await storedPath(a.id);
    const before = readFileSync(pathA);
    try {
      writeFileSync(pathA, readFileSync(await storedPath(b.id)));
      const served = await fetch(`${t.url}/api/files/${a.id}`, { headers: auth() });
      expect(served.status).toBe(404);
      expect(await served.json()).toMatchObject({ error: { domainCode: 'DOCUMENT_NOT_FOUND', message: '文件已损坏，请重新上传' } });
      expect(t.errors.map((e) => String(e[0]))).toEqual([expect.stringContaining('are damaged')]);
      t.errors.length = 0;
    } finally {
      writeFileSync(pathA, before);
    }
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applications, documents } from '../../db/schema';
import { localFiles } from '../../src/adapters/files-local';
import { sessionCookieName } from '../../src/api/session-cookie';
import { maxDocumentBytes } from '../../src/domain/file-types';
import { randomId } from '../../src/adapters/random';
import { listDocuments } from '../../src/services/documents';
import { parentWithApplication, type SeededApplication, setApplicationStatus } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { pngOfSize, sampleJpeg, samplePdf, samplePng, samples, sampleText, sampleWebp } from '../helpers/sample-files';
import { tempDir } from '../helpers/temp';

let t: TestHost;
let filesDir: ReturnType<typeof tempDir>;
let phones = 0;

beforeAll(async () => {
  filesDir = tempDir('files');
  t = await startTestHost({ env: { FILES_DIR: filesDir.path } });
});
afterAll(async () => {
  await t?.close();
  filesDir?.remove();
});
afterEach(() => {
  t.clock.set('2024-07-20T10:00:00+08:00');
});

const db = () => t.host.deps.db;

/** A new parent with a draft application (hukou channel unless told otherwise). */
function family(options: { channel?: string | null } = {}): Promise<SeededApplication> {
  phones += 1;
  return parentWithApplication(db(), { phone: `137${String(phones).padStart(8, '0')}`, now: t.clock.now(), ...options });
}

interface Auth {
  token: string | null;
  via?: 'bearer' | 'cookie';
  /** The Origin header: a URL, or null for none. Default: our own origin. */
  origin?: string | null;
}

function headersFor(auth: Auth): Record<string, string> {
  const headers: Record<string, string> = {};
  if (auth.token) {
    if (auth.via === 'cookie') headers.cookie = `${sessionCookieName}=${auth.token}`;
    else headers.authorization = `Bearer ${auth.token}`;
  }
  const origin = auth.origin === undefined ? t.url : auth.origin;
  if (origin) headers.origin = origin;
  return headers;
}

const bearer = (who: SeededApplication): Auth => ({ token: who.token });

interface Upload {
  applicationId: string;
  kind: string;
  bytes: Uint8Array;
  name?: string;
  type?: string;
  replaces?: string;
}

function upload(auth: Auth, input: Upload): Promise<Response> {
  const form = new FormData();
  form.append('applicationId', input.applicationId);
  form.append('kind', input.kind);
  if (input.replaces) form.append('replaces', input.replaces);
  form.append(
    'file',
    new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: input.type ?? 'application/octet-stream' }),
    input.name ?? 'photo.jpg',
  );
  return fetch(`${t.url}/api/files`, { method: 'POST', headers: headersFor(auth), body: form });
}

const download = (auth: Auth, id: string) => fetch(`${t.url}/api/files/${id}`, { headers: headersFor(auth) });
const remove = (auth: Auth, id: string) => fetch(`${t.url}/api/files/${id}`, { method: 'DELETE', headers: headersFor(auth) });

interface ErrorBody {
  error: { code: string; domainCode: string | null; message: string; fieldErrors?: Record<string, string[]> };
}
interface DocumentBody {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  applicationVersion: number;
}

async function refused(response: Response, status: number): Promise<ErrorBody['error']> {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  return ((await response.json()) as ErrorBody).error;
}

async function stored(response: Response): Promise<DocumentBody> {
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as DocumentBody;
}

/** Files the local store holds right now (temporary files of an unfinished write excluded). */
function filesOnDisk(): number {
  return readdirSync(filesDir.path, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && !entry.name.startsWith('.'),
  ).length;
}

async function storedKey(documentId: string): Promise<string | undefined> {
  const [row] = await db().select({ key: documents.storageKey }).from(documents).where(eq(documents.id, documentId));
  return row?.key;
}

const keyOnDisk = (key: string) => readdirSync(join(filesDir.path, key.slice(0, 2))).includes(key);

describe('POST /api/files and GET /api/files/:id', () => {
  it('stores each allowed type by its content and serves it back byte for byte, never cached, unable to run script', async () => {
    const parent = await family();
    const kinds = ['student-hukou', 'father-hukou', 'mother-hukou', 'father-id-card'];
    for (const [i, sample] of samples.entries()) {
      const doc = await stored(
        await upload(bearer(parent), {
          applicationId: parent.applicationId,
          kind: kinds[i]!,
          bytes: sample.bytes,
          name: sample.name,
          type: sample.type,
        }),
      );
      expect(doc).toMatchObject({ kind: kinds[i], fileName: sample.name, contentType: sample.type, size: sample.bytes.length });
      expect(new Date(doc.createdAt).toISOString()).toBe(doc.createdAt);

      const response = await download(bearer(parent), doc.id);
      expect(response.status).toBe(200);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(sample.bytes);
      expect(response.headers.get('content-type')).toBe(sample.type);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      expect(response.headers.get('content-disposition')).toBe(
        `inline; filename="${sample.name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(sample.name)}`,
      );
    }
    const listed = await listDocuments(db(), parent.applicationId);
    expect(listed.map((d) => [d.kind, d.contentType])).toEqual(samples.map((s, i) => [kinds[i], s.type]));
  });

  it('decides the type by the content, whatever the name and the claimed type say', async () => {
    const parent = await family();
    const doc = await stored(
      await upload(bearer(parent), {
        applicationId: parent.applicationId,
        kind: 'student-hukou',
        bytes: samplePng,
        name: '../../扫描件.pdf',
        type: 'application/pdf',
      }),
    );
    expect(doc).toMatchObject({ contentType: 'image/png', fileName: '扫描件.png' });
    expect((await download(bearer(parent), doc.id)).headers.get('content-type')).toBe('image/png');
  });

  it('refuses a text file named photo.jpg, in Chinese, and keeps nothing of it', async () => {
    const parent = await family();
    const before = filesOnDisk();
    const error = await refused(
      await upload(bearer(parent), {
        applicationId: parent.applicationId,
        kind: 'student-hukou',
        bytes: sampleText,
        name: 'photo.jpg',
        type: 'image/jpeg',
      }),
      400,
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'DOCUMENT_REJECTED', message: '仅支持 JPG、PNG、WebP 图片或 PDF 文件' });
    const html = await refused(
      await upload(bearer(parent), {
        applicationId: parent.applicationId,
        kind: 'student-hukou',
        bytes: new TextEncoder().encode('<html><script>alert(1)</script>'),
        name: 'x.png',
      }),
      400,
    );
    expect(html.domainCode).toBe('DOCUMENT_REJECTED');
    const empty = await refused(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'student-hukou', bytes: new Uint8Array() }),
      400,
    );
    expect(empty).toMatchObject({ domainCode: 'DOCUMENT_REJECTED', message: '文件是空的，请重新选择' });
    expect(filesOnDisk()).toBe(before);
    expect(await listDocuments(db(), parent.applicationId)).toEqual([]);
  });

  it('takes a file of exactly 8 MiB and refuses one byte more with 413, and a larger body before reading it', async () => {
    const parent = await family();
    await stored(
      await upload(bearer(parent), {
        applicationId: parent.applicationId,
        kind: 'student-hukou',
        bytes: pngOfSize(maxDocumentBytes),
        name: 'big.png',
      }),
    );
    const before = filesOnDisk();
    const over = await refused(
      await upload(bearer(parent), {
        applicationId: parent.applicationId,
        kind: 'student-hukou',
        bytes: pngOfSize(maxDocumentBytes + 1),
        name: 'big.png',
      }),
      413,
    );
    expect(over).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', domainCode: 'DOCUMENT_TOO_LARGE', message: '文件不能超过8MB' });
    const body = await refused(
      await upload(bearer(parent), {
        applicationId: parent.applicationId,
        kind: 'student-hukou',
        bytes: pngOfSize(maxDocumentBytes + 1024 * 1024),
        name: 'huge.png',
      }),
      413,
    );
    expect(body).toMatchObject({ domainCode: 'DOCUMENT_TOO_LARGE', message: '文件不能超过8MB' });
    expect(filesOnDisk()).toBe(before);
  });

  it('accepts only the kinds the chosen channel asks for, and the sibling proofs', async () => {
    const parent = await family();
    const unknown = await refused(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'passport-photo', bytes: samplePng }),
      400,
    );
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_INPUT', message: '所选报名通道不需要这类材料' });
    expect(unknown.fieldErrors).toEqual({ kind: ['所选报名通道不需要这类材料'] });
    const otherChannel = await refused(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'property-certificate', bytes: samplePng }),
      400,
    );
    expect(otherChannel.domainCode).toBe('INVALID_INPUT');
    const malformed = await refused(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'Student Hukou!', bytes: samplePng }),
      400,
    );
    expect(malformed).toMatchObject({ domainCode: 'INVALID_INPUT', message: '材料类型不正确' });

    for (const kind of ['constructor', 'valueof', 'tostring', 'hasownproperty', '__proto__', '__definegetter__']) {
      const inherited = await refused(await upload(bearer(parent), { applicationId: parent.applicationId, kind, bytes: samplePng }), 400);
      expect(inherited.fieldErrors, kind).toEqual({ kind: [expect.stringMatching(/^(所选报名通道不需要这类材料|材料类型不正确)$/)] });
    }

    await stored(await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'sibling-hukou', bytes: sampleJpeg }));
    await stored(
      await upload(bearer(parent), {
        applicationId: parent.applicationId,
        kind: 'sibling-student-record',
        bytes: samplePdf,
        name: '学籍卡.pdf',
      }),
    );

    const property = await family({ channel: 'property' });
    await stored(
      await upload(bearer(property), { applicationId: property.applicationId, kind: 'property-certificate', bytes: sampleWebp }),
    );
  });

  it('asks to choose a channel first', async () => {
    const parent = await family({ channel: null });
    const error = await refused(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'student-hukou', bytes: samplePng }),
      400,
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'CHANNEL_NOT_FOUND', message: '请先选择报名通道' });
  });

  it('keeps at most four files of a kind; replacing one of the four still works', async () => {
    const parent = await family();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(
        (
          await stored(
            await upload(bearer(parent), {
              applicationId: parent.applicationId,
              kind: 'student-hukou',
              bytes: samplePng,
              name: `第${i + 1}页.png`,
            }),
          )
        ).id,
      );
    }
    const fifth = await refused(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'student-hukou', bytes: samplePng }),
      409,
    );
    expect(fifth).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'DOCUMENT_LIMIT',
      message: '每类材料最多上传4个文件，请先删除或替换已上传的文件',
    });
    await stored(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'student-hukou', bytes: sampleJpeg, replaces: ids[0] }),
    );
    expect((await listDocuments(db(), parent.applicationId)).length).toBe(4);
  });

  it('lets only four of ten simultaneous uploads of one kind in, and keeps no bytes of the others', async () => {
    const parent = await family();
    const before = filesOnDisk();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        upload(bearer(parent), { applicationId: parent.applicationId, kind: 'mother-id-card', bytes: samplePng, name: `${i}.png` }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 409, 409, 409, 409, 409, 409]);
    expect((await listDocuments(db(), parent.applicationId)).length).toBe(4);
    expect(filesOnDisk()).toBe(before + 4);
  });

  it('moves the application version on, so a submission prepared before the upload is stale', async () => {
    const parent = await family();
    const version = async () =>
      (await db().select({ v: applications.version }).from(applications).where(eq(applications.id, parent.applicationId)))[0]!.v;
    const before = await version();
    const doc = await stored(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'student-hukou', bytes: samplePng }),
    );
    expect(doc.applicationVersion).toBe(before + 1);
    expect(await version()).toBe(before + 1);
    const removed = await remove(bearer(parent), doc.id);
    expect(await removed.json()).toEqual({ id: doc.id, applicationVersion: before + 2 });
  });
});

describe('another family, a stranger and a foreign page', () => {
  it("cannot upload to, read, replace or delete another parent's documents: it does not exist for them", async () => {
    const owner = await family();
    const other = await family();
    const doc = await stored(await upload(bearer(owner), { applicationId: owner.applicationId, kind: 'student-hukou', bytes: samplePng }));

    const intoTheirs = await refused(
      await upload(bearer(other), { applicationId: owner.applicationId, kind: 'student-hukou', bytes: samplePng }),
      404,
    );
    expect(intoTheirs).toMatchObject({ code: 'NOT_FOUND', domainCode: 'APPLICATION_NOT_FOUND', message: '找不到该报名' });
    expect(await refused(await download(bearer(other), doc.id), 404)).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'DOCUMENT_NOT_FOUND',
      message: '找不到该文件',
    });
    expect(await refused(await remove(bearer(other), doc.id), 404)).toMatchObject({ domainCode: 'DOCUMENT_NOT_FOUND' });
    const replaceTheirs = await refused(
      await upload(bearer(other), {
        applicationId: other.applicationId,
        kind: 'student-hukou',
        bytes: samplePng,
        replaces: doc.id,
      }),
      404,
    );
    expect(replaceTheirs.domainCode).toBe('DOCUMENT_NOT_FOUND');

    const stillThere = await download(bearer(owner), doc.id);
    expect(stillThere.status).toBe(200);
    expect(new Uint8Array(await stillThere.arrayBuffer())).toEqual(samplePng);
  });

  it('asks a visitor without a session to sign in', async () => {
    const owner = await family();
    const doc = await stored(await upload(bearer(owner), { applicationId: owner.applicationId, kind: 'student-hukou', bytes: samplePng }));
    const anonymous = { token: null };
    expect(
      await refused(await upload(anonymous, { applicationId: owner.applicationId, kind: 'student-hukou', bytes: samplePng }), 401),
    ).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'SIGN_IN_REQUIRED', message: '请先登录' });
    expect((await refused(await download(anonymous, doc.id), 401)).domainCode).toBe('SIGN_IN_REQUIRED');
    expect((await refused(await download({ token: 'x'.repeat(43) }, doc.id), 401)).domainCode).toBe('SIGN_IN_REQUIRED');
    expect((await refused(await remove(anonymous, doc.id), 401)).domainCode).toBe('SIGN_IN_REQUIRED');
  });

  it('takes cookie-session writes only from our own pages; reading needs no Origin', async () => {
    const parent = await family();
    const input = { applicationId: parent.applicationId, kind: 'student-hukou', bytes: samplePng };
    const foreign = await refused(await upload({ token: parent.token, via: 'cookie', origin: 'https://evil.example' }, input), 403);
    expect(foreign).toMatchObject({ code: 'FORBIDDEN', domainCode: 'UNTRUSTED_ORIGIN', message: '请求来源不受信任，请从报名平台页面操作' });
    expect((await refused(await upload({ token: parent.token, via: 'cookie', origin: null }, input), 403)).domainCode).toBe(
      'UNTRUSTED_ORIGIN',
    );
    expect((await refused(await upload({ token: parent.token, origin: 'https://evil.example' }, input), 403)).domainCode).toBe(
      'UNTRUSTED_ORIGIN',
    );
    expect(await listDocuments(db(), parent.applicationId)).toEqual([]);

    const doc = await stored(await upload({ token: parent.token, via: 'cookie' }, input));
    expect((await download({ token: parent.token, via: 'cookie', origin: null }, doc.id)).status).toBe(200);
    expect(
      (await refused(await remove({ token: parent.token, via: 'cookie', origin: 'https://evil.example' }, doc.id), 403)).domainCode,
    ).toBe('UNTRUSTED_ORIGIN');
    expect((await remove({ token: parent.token, via: 'cookie' }, doc.id)).status).toBe(200);
  });
});

describe('replace and delete', () => {
  it('replaces a document: the new one is served, the old one and its bytes are gone', async () => {
    const parent = await family();
    const old = await stored(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'father-id-card', bytes: sampleJpeg, name: '旧.jpg' }),
    );
    const oldKey = (await storedKey(old.id))!;
    expect(keyOnDisk(oldKey)).toBe(true);
    const fresh = await stored(
      await upload(bearer(parent), {
        applicationId: parent.applicationId,
        kind: 'father-id-card',
        bytes: samplePng,
        name: '新.png',
        replaces: old.id,
      }),
    );
    expect((await refused(await download(bearer(parent), old.id), 404)).domainCode).toBe('DOCUMENT_NOT_FOUND');
    expect(new Uint8Array(await (await download(bearer(parent), fresh.id)).arrayBuffer())).toEqual(samplePng);
    expect((await listDocuments(db(), parent.applicationId)).map((d) => d.fileName)).toEqual(['新.png']);
    expect(keyOnDisk(oldKey)).toBe(false);

    const again = await refused(
      await upload(bearer(parent), {
        applicationId: parent.applicationId,
        kind: 'father-id-card',
        bytes: samplePng,
        replaces: old.id,
      }),
      404,
    );
    expect(again).toMatchObject({ domainCode: 'DOCUMENT_NOT_FOUND', message: '要替换的文件不存在，请刷新后再试' });
  });

  it('deletes a document and its bytes; a second delete finds nothing', async () => {
    const parent = await family();
    const doc = await stored(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'mother-hukou', bytes: samplePdf, name: 'a.pdf' }),
    );
    const key = (await storedKey(doc.id))!;
    const response = await remove(bearer(parent), doc.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await refused(await download(bearer(parent), doc.id), 404)).domainCode).toBe('DOCUMENT_NOT_FOUND');
    expect(keyOnDisk(key)).toBe(false);
    expect((await refused(await remove(bearer(parent), doc.id), 404)).domainCode).toBe('DOCUMENT_NOT_FOUND');
    expect(await refused(await remove(bearer(parent), 'not-an-id'), 404)).toMatchObject({ domainCode: 'DOCUMENT_NOT_FOUND' });
    expect((await refused(await download(bearer(parent), '..%2F..%2Fetc%2Fpasswd'), 404)).domainCode).toBe('DOCUMENT_NOT_FOUND');
  });

  it('refuses changes once the application is submitted (审核中), yet still shows the documents', async () => {
    const parent = await family();
    const doc = await stored(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'student-hukou', bytes: samplePng }),
    );
    await setApplicationStatus(db(), parent.applicationId, 'submitted');
    const message = '报名当前状态为“审核中”，不能修改；如需修改，请先撤回';
    expect(
      await refused(await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'father-hukou', bytes: samplePng }), 403),
    ).toMatchObject({ code: 'FORBIDDEN', domainCode: 'APPLICATION_LOCKED', message });
    expect(
      await refused(
        await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'student-hukou', bytes: samplePng, replaces: doc.id }),
        403,
      ),
    ).toMatchObject({ domainCode: 'APPLICATION_LOCKED', message });
    expect(await refused(await remove(bearer(parent), doc.id), 403)).toMatchObject({ domainCode: 'APPLICATION_LOCKED', message });
    expect((await download(bearer(parent), doc.id)).status).toBe(200);

    await setApplicationStatus(db(), parent.applicationId, 'withdrawn');
    await stored(await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'father-hukou', bytes: samplePng }));
  });

  it("refuses changes after the window has closed, with the window's dates", async () => {
    t.clock.set('2024-07-26T00:00:00+08:00');
    const parent = await family();
    const error = await refused(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'student-hukou', bytes: samplePng }),
      403,
    );
    expect(error).toMatchObject({ domainCode: 'WINDOW_CLOSED' });
    expect(error.message).toContain('2024-07-15 00:00 至 2024-07-25 24:00');
  });
});

describe('malformed uploads', () => {
  it('explains in Chinese what is wrong with the request, never with a 500', async () => {
    const parent = await family();
    const json = await fetch(`${t.url}/api/files`, {
      method: 'POST',
      headers: { ...headersFor(bearer(parent)), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await refused(json, 400)).toMatchObject({ domainCode: 'INVALID_INPUT', message: '请以 multipart/form-data 格式上传文件' });

    const broken = await fetch(`${t.url}/api/files`, {
      method: 'POST',
      headers: { ...headersFor(bearer(parent)), 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nnonsense',
    });
    expect(await refused(broken, 400)).toMatchObject({ domainCode: 'INVALID_INPUT', message: '上传的内容不完整，请重新上传' });

    const noFile = new FormData();
    noFile.append('applicationId', parent.applicationId);
    noFile.append('kind', 'student-hukou');
    noFile.append('file', 'just text');
    const missing = await refused(
      await fetch(`${t.url}/api/files`, { method: 'POST', headers: headersFor(bearer(parent)), body: noFile }),
      400,
    );
    expect(missing.fieldErrors).toEqual({ file: ['请选择要上传的文件'] });

    const badId = await refused(await upload(bearer(parent), { applicationId: 'x', kind: 'student-hukou', bytes: samplePng }), 400);
    expect(badId.fieldErrors).toEqual({ applicationId: ['报名编号格式不正确'] });
    const badReplaces = await refused(
      await upload(bearer(parent), { applicationId: parent.applicationId, kind: 'student-hukou', bytes: samplePng, replaces: '1' }),
      400,
    );
    expect(badReplaces.fieldErrors).toEqual({ replaces: ['要替换的文件编号格式不正确'] });
    const unknownApplication = await refused(
      await upload(bearer(parent), { applicationId: randomId(), kind: 'student-hukou', bytes: samplePng }),
      404,
    );
    expect(unknownApplication.domainCode).toBe('APPLICATION_NOT_FOUND');
  });

  it('logged no error along the way', () => {
    expect(t.errors).toEqual([]);
  });
});

describe('a document whose bytes are gone from the store', () => {
  it('is answered 404 with a request to upload again, and logged for the operators', async () => {
    const parent = await family();
    const id = randomId();
    await db()
      .insert(documents)
      .values({
        id,
        applicationId: parent.applicationId,
        accountId: parent.accountId,
        kind: 'student-hukou',
        fileName: 'x.png',
        contentType: 'image/png',
        size: 90,
        storageKey: randomId() + randomId(),
        createdAt: t.clock.now(),
      });
    expect(await refused(await download(bearer(parent), id), 404)).toMatchObject({
      domainCode: 'DOCUMENT_NOT_FOUND',
      message: '文件已丢失，请重新上传',
    });
    expect(t.errors.map((args) => String(args[0]))).toEqual([`documents: the bytes of document ${id} are missing from the file store`]);
  });
});

describe('localFiles, the Node file store', () => {
  it('keeps bytes and content type under a server-made key, and refuses any other key', async () => {
    const dir = tempDir('store');
    try {
      const store = localFiles(`${dir.path}/nested/files`);
      const key = randomId() + randomId();
      expect(await store.get(key)).toBeNull();
      await store.put(key, sampleWebp, 'image/webp');
      expect(await store.get(key)).toEqual({ bytes: sampleWebp, contentType: 'image/webp' });
      await store.delete(key);
      await store.delete(key);
      expect(await store.get(key)).toBeNull();
      for (const bad of ['../../etc/passwd', `${key}/../x`, '', `${randomId()}.tmp`]) {
        await expect(store.put(bad, samplePng, 'image/png')).rejects.toThrow('not a storage key');
        await expect(store.get(bad)).rejects.toThrow('not a storage key');
        await expect(store.delete(bad)).rejects.toThrow('not a storage key');
      }
      await expect(store.put(key, samplePng, 'image/png\nX-Evil: 1')).rejects.toThrow('not a content type');
    } finally {
      dir.remove();
    }
  });
});

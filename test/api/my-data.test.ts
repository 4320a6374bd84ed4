import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, children, documents } from '../../db/schema';
import { sessionCookieName } from '../../src/api/session-cookie';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { samplePdf, samplePng } from '../helpers/sample-files';
import { tempDir } from '../helpers/temp';

let t: TestHost;
let filesDir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  filesDir = tempDir('my-data');
  t = await startTestHost({ env: { FILES_DIR: filesDir.path } });
});
afterAll(async () => {
  await t?.close();
  filesDir?.remove();
});

const family = (phone: string) => parentWithApplication(t.host.deps.db, { phone, now: t.clock.now() });

function headers(who: SeededApplication | null): Record<string, string> {
  return { origin: t.url, ...(who ? { authorization: `Bearer ${who.token}` } : {}) };
}

async function upload(who: SeededApplication, kind: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('applicationId', who.applicationId);
  form.append('kind', kind);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  const response = await fetch(`${t.url}/api/files`, { method: 'POST', headers: headers(who), body: form });
  expect(response.status, await response.clone().text()).toBe(201);
}

const downloadMyData = (who: SeededApplication | null) => fetch(`${t.url}/api/my-data`, { method: 'POST', headers: headers(who) });

interface MyData {
  documents: { fileName: string; path: string | null; notIncluded?: string }[];
}

interface MyDataFull {
  account: { phone: string };
  children: { id: string; name: string; idMasked: string }[];
  applications: { id: string; form: unknown; history: unknown[] }[];
  documents: { kind: string; fileName: string; size: number; path: string }[];
}

describe('POST /api/my-data', () => {
  it('answers the parent a ZIP of their data and their documents as uploaded, nothing of another family', async () => {
    const parentA = await family('13900000001');
    const parentB = await family('13900000002');
    await t.host.deps.db.update(children).set({ name: '乙家孩子' }).where(eq(children.id, parentB.childId));
    await upload(parentA, 'student-hukou', samplePng, '户口本.png');
    await upload(parentA, 'father-hukou', samplePdf, 'father.pdf');
    await upload(parentB, 'student-hukou', samplePdf, 'other.pdf');
    const fatherId = { masked: '430922********1234', sealed: 'v1.sealed-ciphertext-of-the-fathers-id' };
    await t.host.deps.db
      .update(applications)
      .set({ form: { fatherName: '张伟', fatherIdNumber: fatherId } })
      .where(eq(applications.id, parentA.applicationId));

    const response = await downloadMyData(parentA);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const zip = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const json = strFromU8(zip['my-data.json']!);
    const data = JSON.parse(json) as MyDataFull;

    expect(data.account.phone).toBe('13900000001');
    expect(data.children.map((c) => c.id)).toEqual([parentA.childId]);
    expect(data.applications.map((a) => a.id)).toEqual([parentA.applicationId]);
    const byName = (name: string) => data.documents.find((d) => d.fileName === name)!;
    expect(data.documents.map((d) => [d.kind, d.fileName, d.size]).sort()).toEqual([
      ['father-hukou', 'father.pdf', samplePdf.length],
      ['student-hukou', '户口本.png', samplePng.length],
    ]);
    expect(Buffer.from(zip[byName('户口本.png').path]!).equals(Buffer.from(samplePng))).toBe(true);
    expect(Buffer.from(zip[byName('father.pdf').path]!).equals(Buffer.from(samplePdf))).toBe(true);
    expect(Object.keys(zip)).toHaveLength(3);
    for (const foreign of ['13900000002', parentB.accountId, parentB.childId, parentB.applicationId, '乙家孩子', 'other.pdf']) {
      expect(json).not.toContain(foreign);
    }
    expect(json).not.toContain('storageKey');
    expect(data.applications[0]!.form).toMatchObject({ fatherName: '张伟', fatherIdNumber: fatherId.masked });
    expect(json).not.toContain(fatherId.sealed);
  });

  it('still answers the ZIP when a document is missing or unreadable, and says which ones are not in it', async () => {
    const parent = await family('13900000005');
    await upload(parent, 'student-hukou', samplePng, 'kept.png');
    await upload(parent, 'father-hukou', samplePdf, 'gone.pdf');
    await upload(parent, 'mother-hukou', samplePdf, 'broken.pdf');
    const rows = await t.host.deps.db.select().from(documents).where(eq(documents.accountId, parent.accountId));
    const keyOf = (name: string) => rows.find((d) => d.fileName === name)!.storageKey;
    const pathOf = (key: string) => join(filesDir.path, key.slice(0, 2), key);
    rmSync(pathOf(keyOf('gone.pdf')));
    writeFileSync(pathOf(keyOf('broken.pdf')), 'no content type line and no document');

    const response = await downloadMyData(parent);
    expect(response.status, await response.clone().text()).toBe(200);
    const zip = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const data = JSON.parse(strFromU8(zip['my-data.json']!)) as MyData;
    const byName = (name: string) => data.documents.find((d) => d.fileName === name)!;
    expect(Buffer.from(zip[byName('kept.png').path!]!).equals(Buffer.from(samplePng))).toBe(true);
    for (const name of ['gone.pdf', 'broken.pdf']) {
      expect(byName(name)).toMatchObject({ path: null, notIncluded: expect.stringContaining('未包含在下载中') });
    }
    const note = strFromU8(zip['说明.txt']!);
    expect(note).toContain('gone.pdf');
    expect(note).toContain('broken.pdf');
    expect(note).not.toContain('kept.png');
    expect(Object.keys(zip).sort()).toEqual(['my-data.json', byName('kept.png').path, '说明.txt'].sort());
  });

  it('refuses anyone not signed in, and a cookie session from another site', async () => {
    const anonymous = await downloadMyData(null);
    expect(anonymous.status).toBe(401);
    const parent = await family('13900000003');
    const foreign = await fetch(`${t.url}/api/my-data`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie: `${sessionCookieName}=${parent.token}` },
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { domainCode: string } }).error.domainCode).toBe('UNTRUSTED_ORIGIN');
  });

  it('is rate-limited per account', async () => {
    const parent = await family('13900000004');
    for (let i = 0; i < 5; i += 1) expect((await downloadMyData(parent)).status).toBe(200);
    const refused = await downloadMyData(parent);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });
});

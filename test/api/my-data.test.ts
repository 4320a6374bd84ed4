import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children } from '../../db/schema';
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

const downloadMyData = (who: SeededApplication | null) => fetch(`${t.url}/api/files/my-data`, { method: 'POST', headers: headers(who) });

interface MyData {
  account: { phone: string };
  children: { id: string; name: string; idMasked: string }[];
  applications: { id: string; form: unknown; history: unknown[] }[];
  documents: { kind: string; fileName: string; size: number; path: string }[];
}

describe('POST /api/files/my-data', () => {
  it('answers the parent a ZIP of their data and their documents as uploaded, nothing of another family', async () => {
    const parentA = await family('13900000001');
    const parentB = await family('13900000002');
    await t.host.deps.db.update(children).set({ name: '乙家孩子' }).where(eq(children.id, parentB.childId));
    await upload(parentA, 'student-hukou', samplePng, '户口本.png');
    await upload(parentA, 'father-hukou', samplePdf, 'father.pdf');
    await upload(parentB, 'student-hukou', samplePdf, 'other.pdf');

    const response = await downloadMyData(parentA);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const zip = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const json = strFromU8(zip['my-data.json']!);
    const data = JSON.parse(json) as MyData;

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
  });

  it('refuses anyone not signed in, and a cookie session from another site', async () => {
    const anonymous = await downloadMyData(null);
    expect(anonymous.status).toBe(401);
    const parent = await family('13900000003');
    const foreign = await fetch(`${t.url}/api/files/my-data`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie: `${sessionCookieName}=${parent.token}` },
    });
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.headers.get('content-type')).toContain('application/json');
  });

  it('is rate-limited per account', async () => {
    const parent = await family('13900000004');
    for (let i = 0; i < 5; i += 1) expect((await downloadMyData(parent)).status).toBe(200);
    const refused = await downloadMyData(parent);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });
});

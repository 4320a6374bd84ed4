import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { samplePng } from '../helpers/sample-files';
import { startWorkerStack } from '../helpers/worker-stack';

const now = '2024-07-20T10:00:00+08:00';

/** 我的数据 is served by the staff Worker only: the main Worker hands `/api/my-data` on through its STAFF binding. */
describe('my data through the main Worker under wrangler dev', () => {
  let stack: Awaited<ReturnType<typeof startWorkerStack<SeededApplication>>>;
  let parent: SeededApplication;

  beforeAll(async () => {
    stack = await startWorkerStack({ now, prepare: (db) => parentWithApplication(db, { phone: '13712345601', now: new Date(now) }) });
    parent = stack.prepared;
  });

  afterAll(() => stack?.stop());

  const headers = () => ({ origin: stack.url, authorization: `Bearer ${parent.token}` });

  it('downloads the ZIP with my-data.json and the document as uploaded (read back from R2)', async () => {
    const form = new FormData();
    form.append('applicationId', parent.applicationId);
    form.append('kind', 'student-hukou');
    form.append('file', new Blob([samplePng as Uint8Array<ArrayBuffer>], { type: 'image/png' }), '户口簿.png');
    const uploaded = await fetch(`${stack.url}/api/files`, { method: 'POST', headers: headers(), body: form });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);

    const response = await fetch(`${stack.url}/api/my-data`, { method: 'POST', headers: headers() });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const zip = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const data = JSON.parse(strFromU8(zip['my-data.json']!)) as { account: { phone: string }; documents: { path: string }[] };
    expect(data.account.phone).toBe('13712345601');
    expect(data.documents).toHaveLength(1);
    expect(Buffer.from(zip[data.documents[0]!.path]!).equals(Buffer.from(samplePng))).toBe(true);
  });

  it('answers 注销账号’s question through the main Worker too', async () => {
    const response = await fetch(`${stack.url}/api/my-data/deletion`, { headers: headers() });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ deletable: true, kept: [] });
  });
});

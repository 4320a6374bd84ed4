import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollmentClient } from '../../src/client';
import { listDocuments } from '../../src/services/documents';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { tempDir } from '../helpers/temp';
import { postDocument } from '../helpers/upload';

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

function family(): Promise<SeededApplication> {
  phones += 1;
  return parentWithApplication(db(), { phone: `136${String(phones).padStart(8, '0')}`, now: t.clock.now() });
}

/** `POST /api/files` as a page sends it, with `side` as given (omitted when undefined). */
const upload = (parent: SeededApplication, kind: string, side?: string, replaces?: string): Promise<Response> =>
  postDocument(t, parent.token, { applicationId: parent.applicationId, kind, side, replaces });

interface Answer {
  id: string;
  side: string | null;
  error?: { domainCode: string; message: string; fieldErrors?: Record<string, string[]> };
}
const answer = async (response: Response, status: number): Promise<Answer> => {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as Answer;
};

const missingOf = async (parent: SeededApplication) =>
  (await createEnrollmentClient({ url: t.url, token: parent.token }).applications.get.query({ applicationId: parent.applicationId }))
    .missing;

describe('正面 and 反面 of an ID card over POST /api/files', () => {
  it('accepts an ID card as its 正面 and its 反面 and keeps each side', async () => {
    const parent = await family();
    expect((await answer(await upload(parent, 'father-id-card', 'front'), 201)).side).toBe('front');
    expect((await answer(await upload(parent, 'father-id-card', 'back'), 201)).side).toBe('back');
    expect((await answer(await upload(parent, 'student-hukou'), 201)).side).toBeNull();
    expect((await listDocuments(db(), parent.applicationId)).map((d) => [d.kind, d.side])).toEqual([
      ['father-id-card', 'front'],
      ['father-id-card', 'back'],
      ['student-hukou', null],
    ]);
  });

  it('refuses a side on a one-sided document and a side that is neither', async () => {
    const parent = await family();
    const oneSided = (await answer(await upload(parent, 'student-hukou', 'front'), 400)).error!;
    expect(oneSided.fieldErrors).toEqual({ side: ['这类材料不分正反面'] });
    const unknown = (await answer(await upload(parent, 'mother-id-card', 'left'), 400)).error!;
    expect(unknown.fieldErrors).toEqual({ side: ['正反面只能是 front（正面）或 back（反面）'] });
    expect(await listDocuments(db(), parent.applicationId)).toEqual([]);
  });

  it('a replacement without a side keeps the side of the file it replaces', async () => {
    const parent = await family();
    const back = await answer(await upload(parent, 'mother-id-card', 'back'), 201);
    const replaced = await answer(await upload(parent, 'mother-id-card', undefined, back.id), 201);
    expect(replaced.side).toBe('back');
    expect((await listDocuments(db(), parent.applicationId)).map((d) => d.side)).toEqual(['back']);
  });
});

describe('the missing side of an ID card in applications.get', () => {
  it('names the side still missing until both are on file', async () => {
    const parent = await family();
    const fatherCard = async () => (await missingOf(parent)).filter((m) => m.documentKind === 'father-id-card');
    expect(await fatherCard()).toEqual([{ step: 'documents', documentKind: 'father-id-card', label: '材料：父亲身份证' }]);
    await answer(await upload(parent, 'father-id-card', 'back'), 201);
    expect(await fatherCard()).toEqual([
      { step: 'documents', documentKind: 'father-id-card', side: 'front', label: '材料：父亲身份证正面' },
    ]);
    await answer(await upload(parent, 'father-id-card', 'front'), 201);
    expect(await fatherCard()).toEqual([]);
  });

  it('counts one file without a side (both faces on one page) as the whole card', async () => {
    const parent = await family();
    await answer(await upload(parent, 'mother-id-card', 'front'), 201);
    expect((await missingOf(parent)).filter((m) => m.documentKind === 'mother-id-card').map((m) => m.side)).toEqual(['back']);
    expect((await answer(await upload(parent, 'mother-id-card'), 201)).side).toBeNull();
    expect((await missingOf(parent)).filter((m) => m.documentKind === 'mother-id-card')).toEqual([]);
  });
});

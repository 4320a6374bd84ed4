import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor, hukouForm, readyToSubmit } from '../helpers/journey';
import { parentToken } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { sampleJpeg, samplePng } from '../helpers/sample-files';
import { signInStaff } from '../helpers/staff';
import { postDocument } from '../helpers/upload';
import { residentId } from '../helpers/identity';

let t: TestHost;
let c: Catalog;
let county: EnrollmentClient;
let phones = 0;
let seq = 700;

async function newParent() {
  const token = await parentToken(t, `137${String(50_000_000 + phones++).slice(-8)}`);
  return { token, client: createEnrollmentClient({ url: t.url, token }) };
}

async function submitted() {
  const p = await newParent();
  const { applicationId, version } = await readyToSubmit(t, p.client, c, '20180120', String(seq++));
  await p.client.applications.submit.mutate({ applicationId, version });
  return { ...p, applicationId, version: version + 1 };
}

/** Uploads a file through `POST /api/files` as the parent's page does; the new document's id. */
async function upload(token: string, applicationId: string, kind: string, bytes: Uint8Array) {
  const response = await postDocument(t, token, { applicationId, kind, bytes, fileName: 'photo.jpg' });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string };
}

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  county = await signInStaff(t, 'county');
});
afterAll(() => t?.close());

describe('faults marked on rejection', () => {
  it('stores the ticked fields and documents; the parent sees them while rejected and the step they concern opens first', async () => {
    const a = await submitted();
    await county.review.reject.mutate({
      applicationId: a.applicationId,
      version: a.version,
      reason: '户口簿照片不清晰',
      faults: { fields: [], documents: ['student-hukou'] },
    });
    const seen = await a.client.applications.get.query({ applicationId: a.applicationId });
    expect(seen.faults).toEqual({ fields: [], documents: ['student-hukou'] });
    expect(seen.fixStep).toBe('documents');
    const progress = await a.client.applications.progress.query({ applicationId: a.applicationId });
    expect(progress.fixStep).toBe('documents');
    const [listed] = (await a.client.applications.list.query()).filter((x) => x.id === a.applicationId);
    expect(listed?.fixStep).toBe('documents');

    const detail = await county.review.get.query({ applicationId: a.applicationId });
    expect(detail.rejection).toMatchObject({ reason: '户口簿照片不清晰', faults: { fields: [], documents: ['student-hukou'] } });
    expect(detail.faultChoices.documents.map((d) => d.kind)).toContain('student-hukou');
  });

  it('refuses a field or document the application’s channel does not have, with BAD_REQUEST and a zh-CN message', async () => {
    const a = await submitted();
    const field = await refusal(
      county.review.reject.mutate({
        applicationId: a.applicationId,
        reason: '材料不符',
        faults: { fields: ['licenceNumber'], documents: [] },
      }),
    );
    expect(field.data?.code).toBe('BAD_REQUEST');
    expect(field.message).toBe('所选的问题项不属于该报名的表单');
    const doc = await refusal(
      county.review.reject.mutate({
        applicationId: a.applicationId,
        reason: '材料不符',
        faults: { fields: [], documents: ['property-certificate'] },
      }),
    );
    expect(doc.data?.code).toBe('BAD_REQUEST');
    expect(doc.message).toBe('所选的问题材料不属于该报名所需的材料');
    expect((await county.review.get.query({ applicationId: a.applicationId })).status).toBe('submitted');
  });

  it('keeps the rejection when the parent resubmits; the queue marks and filters 驳回后重新提交 with what changed', async () => {
    const a = await submitted();
    await county.review.reject.mutate({
      applicationId: a.applicationId,
      version: a.version,
      reason: '父亲姓名与户口簿不符',
      faults: { fields: ['fatherName'], documents: [] },
    });
    expect((await a.client.applications.get.query({ applicationId: a.applicationId })).fixStep).toBe('form');
    await a.client.applications.save.mutate({
      applicationId: a.applicationId,
      fields: { ...hukouForm(c.community), fatherName: '李建军' },
    });
    const { version } = await a.client.applications.get.query({ applicationId: a.applicationId });
    await a.client.applications.submit.mutate({ applicationId: a.applicationId, version });

    const again = await a.client.applications.get.query({ applicationId: a.applicationId });
    expect(again.faults).toBeNull();
    const detail = await county.review.get.query({ applicationId: a.applicationId });
    expect(detail.resubmitted).toBe(true);
    expect(detail.rejection).toMatchObject({ reason: '父亲姓名与户口簿不符', faults: { fields: ['fatherName'] } });
    expect(detail.changes?.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'fatherName', label: '父亲姓名', before: '李建国', after: '李建军' })]),
    );
    expect(JSON.stringify(detail.changes)).not.toMatch(/\d{17}[\dX]/);

    const other = await submitted();
    const marked = await county.review.queue.query({ resubmitted: true, pageSize: 200 });
    expect(marked.rows.map((r) => r.id)).toContain(a.applicationId);
    expect(marked.rows.map((r) => r.id)).not.toContain(other.applicationId);
    expect(marked.rows.every((r) => r.resubmitted)).toBe(true);
    const all = await county.review.queue.query({ pageSize: 200 });
    expect(all.rows.find((r) => r.id === other.applicationId)?.resubmitted).toBe(false);
  });
});

describe('the same file twice', () => {
  it('flags two documents of one application that are the same file, and the same file in another application by its number only', async () => {
    const p = await newParent();
    const child = await p.client.children.add.mutate({
      name: '赵小雨',
      idType: 'resident',
      idNumber: residentId('20180305', String(seq++)),
    });
    const { applicationId } = await p.client.applications.start.mutate({
      childId: child.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    });
    await p.client.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('hukou').id });
    await p.client.applications.save.mutate({ applicationId, fields: hukouForm(c.community) });
    await p.client.applications.chooseSchools.mutate({
      applicationId,
      firstSchoolId: c.primary[0]!.id,
      secondSchoolId: c.primary[1]!.id,
      sibling: null,
    });
    const first = await upload(p.token, applicationId, 'student-hukou', samplePng);
    const second = await upload(p.token, applicationId, 'father-hukou', samplePng);
    for (const kind of ['mother-hukou', 'father-id-card', 'mother-id-card']) await upload(p.token, applicationId, kind, sampleJpeg);
    const { version } = await p.client.applications.get.query({ applicationId });
    await p.client.applications.submit.mutate({ applicationId, version });

    const detail = await county.review.get.query({ applicationId });
    expect(detail.sameFiles.withinApplication).toContainEqual(expect.arrayContaining([first.id, second.id]));
    const elsewhere = detail.sameFiles.inOtherApplications.find((d) => d.documentId === first.id);
    expect(elsewhere).toBeUndefined();

    const q = await newParent();
    const otherChild = await q.client.children.add.mutate({
      name: '钱小风',
      idType: 'resident',
      idNumber: residentId('20180306', String(seq++)),
    });
    const other = await q.client.applications.start.mutate({
      childId: otherChild.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    });
    await q.client.applications.chooseChannel.mutate({ applicationId: other.applicationId, channelId: c.channel('hukou').id });
    await upload(q.token, other.applicationId, 'student-hukou', samplePng);
    const number = (await q.client.applications.get.query({ applicationId: other.applicationId })).number;

    const seen = await county.review.get.query({ applicationId });
    expect(seen.sameFiles.inOtherApplications).toContainEqual({ documentId: first.id, numbers: [number] });
    expect(JSON.stringify(seen.sameFiles)).not.toContain('钱小风');
  });
});

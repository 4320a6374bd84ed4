import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, documents } from '../../db/schema';
import { randomId } from '../../src/adapters/random';
import { sha256Hex } from '../../src/services/file-hash';
import { createEnrollmentClient } from '../../src/client';
import { parentWithApplication, type SeededApplication, setApplicationStatus } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { parentToken } from '../helpers/parents';
import { publishedDraw } from '../helpers/placed';
import { sampleJpeg, samplePdf, samplePng, sampleText } from '../helpers/sample-files';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
const families: SeededApplication[] = [];
const objectionOf: string[] = [];

/** Three placed families, results published by nobody on the desk (any administrator may decide); two object. */
beforeAll(async () => {
  t = await startTestHost({ now: '2024-08-20T09:00:00+08:00' });
  c = await catalogFor(t);
  for (let i = 0; i < 3; i++) {
    const family = await parentWithApplication(t.host.deps.db, { phone: `1370000070${i}`, now: t.clock.now(), status: 'school_approved' });
    await t.host.deps.db
      .update(applications)
      .set({ community: c.community, firstSchoolId: c.primary[0]!.id, secondSchoolId: c.primary[1]!.id })
      .where(eq(applications.id, family.applicationId));
    families.push(family);
  }
  await publishedDraw(t.host.deps.db, {
    now: t.clock.now(),
    placed: families.map((f) => ({ applicationId: f.applicationId, schoolId: c.primary[0]!.id })),
  });
  for (const f of families.slice(0, 2)) {
    const { id } = await parent(f).applications.fileObjection.mutate({
      applicationId: f.applicationId,
      reason: '我家应属户籍片区第一顺位。',
    });
    objectionOf.push(id);
  }
});
afterAll(() => t?.close());

const parent = (f: SeededApplication) => createEnrollmentClient({ url: t.url, token: f.token });

function attach(token: string, objectionId: string, bytes: Uint8Array, name = '户籍证明.pdf') {
  const form = new FormData();
  form.append('objectionId', objectionId);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}`, origin: t.url }, body: form });
}

const read = (token: string, id: string) => fetch(`${t.url}/api/files/${id}`, { headers: { authorization: `Bearer ${token}` } });

async function refusedWith(response: Response, status: number) {
  expect(response.status, await response.clone().text()).toBe(status);
  return ((await response.json()) as { error: { code: string; domainCode: string; message: string } }).error;
}

describe('异议材料', () => {
  let filed: { id: string; fileName: string; contentType: string };

  it('takes a PDF with the family’s own open objection during 公示 and lists it on 报名进度', async () => {
    const response = await attach(families[0]!.token, objectionOf[0]!, samplePdf);
    expect(response.status, await response.clone().text()).toBe(201);
    filed = await response.json();
    expect(filed).toMatchObject({ kind: 'objection', fileName: '户籍证明.pdf', contentType: 'application/pdf' });
    const { placement } = await parent(families[0]!).applications.progress.query({ applicationId: families[0]!.applicationId });
    expect(placement!.objection).toMatchObject({
      status: 'open',
      canAddDocuments: true,
      documents: [{ id: filed.id, fileName: '户籍证明.pdf' }],
    });
    const own = await read(families[0]!.token, filed.id);
    expect(own.status).toBe(200);
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(samplePdf);
  });

  it('is NOT_FOUND for another family, and refuses what is no photo or PDF', async () => {
    const other = await refusedWith(await attach(families[2]!.token, objectionOf[0]!, samplePdf), 404);
    expect(other).toMatchObject({ code: 'NOT_FOUND', message: '找不到该异议' });
    expect((await refusedWith(await read(families[2]!.token, filed.id), 404)).code).toBe('NOT_FOUND');
    const text = await refusedWith(await attach(families[0]!.token, objectionOf[0]!, sampleText, 'a.txt'), 400);
    expect(text.domainCode).toBe('DOCUMENT_REJECTED');
  });

  it('never counts as the application’s own documents: not in its list for the family or the reviewer', async () => {
    const county = await signInStaff(t, 'county');
    const detail = await county.review.get.query({ applicationId: families[0]!.applicationId });
    expect(detail.documents.map((d) => d.id)).not.toContain(filed.id);
    expect(detail.sameFiles.inOtherApplications).toEqual([]);
    const own = await parent(families[0]!).applications.get.query({ applicationId: families[0]!.applicationId });
    expect(JSON.stringify(own)).not.toContain(filed.id);

    // Another family's application holding the same bytes is not flagged as sharing a file with this one.
    const other = await parentWithApplication(t.host.deps.db, { phone: '13700000799', now: t.clock.now() });
    await t.host.deps.db.insert(documents).values({
      id: randomId(),
      applicationId: other.applicationId,
      accountId: other.accountId,
      kind: 'student-hukou',
      fileName: '户口簿.pdf',
      contentType: 'application/pdf',
      size: samplePdf.length,
      storageKey: randomId() + randomId(),
      sha256: await sha256Hex(samplePdf),
      createdAt: t.clock.now(),
    });
    await setApplicationStatus(t.host.deps.db, other.applicationId, 'submitted');
    expect((await county.review.get.query({ applicationId: other.applicationId })).sameFiles.inOtherApplications).toEqual([]);
  });

  it('shows the files to the administrator on the desk, who opens them with an audit entry; other staff cannot', async () => {
    const admin = await signInStaff(t, 'admin');
    const county = await signInStaff(t, 'county');
    const [row] = (await admin.admin.placement.objections.query({ seasonId: c.region.season.id })).filter((o) => o.id === objectionOf[0]);
    expect(row!.documents).toEqual([expect.objectContaining({ id: filed.id, fileName: '户籍证明.pdf' })]);
    const [seen] = (await county.admin.placement.objections.query({ seasonId: c.region.season.id })).filter((o) => o.id === objectionOf[0]);
    expect(seen!.documents).toEqual([]);

    const opened = await read(await staffToken(t, 'admin'), filed.id);
    expect(opened.status).toBe(200);
    const entries = await t.host.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'objection_document_view'), eq(auditLog.applicationId, families[0]!.applicationId)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ username: 'admin', detail: { objectionId: objectionOf[0], documentId: filed.id } });
    expect((await refusedWith(await read(await staffToken(t, 'county'), filed.id), 404)).code).toBe('NOT_FOUND');
    expect((await refusedWith(await read(await staffToken(t, 'school'), filed.id), 404)).code).toBe('NOT_FOUND');
  });

  it('takes at most four files', async () => {
    for (const bytes of [samplePng, sampleJpeg, samplePdf]) {
      expect((await attach(families[0]!.token, objectionOf[0]!, bytes, 'photo')).status).toBe(201);
    }
    const fifth = await refusedWith(await attach(families[0]!.token, objectionOf[0]!, samplePng, 'photo.png'), 409);
    expect(fifth).toMatchObject({ domainCode: 'DOCUMENT_LIMIT', message: '异议材料最多上传4个文件' });
  });

  it('is FORBIDDEN once the objection is decided', async () => {
    const admin = await signInStaff(t, 'admin');
    await admin.admin.placement.decideObjection.mutate({ objectionId: objectionOf[1]!, outcome: 'dismissed', reason: '顺位核对无误' });
    const late = await refusedWith(await attach(families[1]!.token, objectionOf[1]!, samplePdf), 403);
    expect(late).toMatchObject({ code: 'FORBIDDEN', message: '异议已处理，不能再补充材料' });
    const { placement } = await parent(families[1]!).applications.progress.query({ applicationId: families[1]!.applicationId });
    expect(placement!.objection).toMatchObject({ status: 'dismissed', canAddDocuments: false, documents: [] });
  });

  it('is FORBIDDEN once 公示 has ended, though the family still downloads what it filed', async () => {
    t.clock.set('2024-08-25T09:00:01+08:00');
    const family = families[0]!;
    const token = await parentToken(t, family.phone);
    const late = await refusedWith(await attach(token, objectionOf[0]!, samplePdf), 403);
    expect(late).toMatchObject({ code: 'FORBIDDEN', message: '公示期已结束，不能再补充异议材料' });
    expect((await read(token, filed.id)).status).toBe(200);
  });
});

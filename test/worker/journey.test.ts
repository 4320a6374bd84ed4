import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStaff } from '../../db/seed/demo-staff';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { residentId } from '../helpers/identity';
import { codeFromInbox } from '../helpers/parents';
import { hukouDocuments, hukouForm } from '../helpers/journey';
import { samplePng } from '../helpers/sample-files';
import { startWorkerStack } from '../helpers/worker-stack';
import { edgeCases } from '../../src/adapters/records-dataset';
import { privacyNotice } from '../../src/domain/privacy-notice';

const now = '2024-07-20T10:00:00+08:00';

/** Signs a parent in on the Worker with the code the dev SMS provider stored. */
async function signInOnWorker(url: string, phone: string) {
  const anonymous = createEnrollmentClient({ url });
  await anonymous.auth.requestCode.mutate({ phone });
  const code = await codeFromInbox({ client: anonymous }, phone);
  const { token } = await anonymous.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
  return { token: token!, client: createEnrollmentClient({ url, token: token! }) };
}

describe('the application journey, its system checks and its review on the Worker (workerd + sqld + local R2)', () => {
  let stack: Awaited<ReturnType<typeof startWorkerStack>>;
  let anonymous: EnrollmentClient;

  beforeAll(async () => {
    stack = await startWorkerStack({ now, prepare: (db) => seedDemoStaff(db, new Date(now)) });
    anonymous = createEnrollmentClient({ url: stack.url });
  });
  afterAll(() => stack?.stop());

  it('lets a parent submit with real uploads, checks it against the records, a reviewer reject, the parent resubmit and the reviewer approve', async () => {
    const { token, client: parent } = await signInOnWorker(stack.url, '13512340001');
    const [region] = await anonymous.catalog.regions.query();
    const detail = await anonymous.catalog.region.query({ regionId: region!.id });
    const grade1 = detail.entries.find((e) => e.code === 'grade1')!;
    const { tracks } = await anonymous.catalog.channels.query({ entryId: grade1.id });
    const hukou = tracks[0]!.channels.find((c) => c.code === 'hukou')!;
    const [community] = await anonymous.catalog.communities.query({ regionId: region!.id });
    const schools = await anonymous.catalog.schools.query({ regionId: region!.id, level: 'primary', community: community!.name });

    const child = await parent.children.add.mutate({ name: '周小宇', idType: 'resident', idNumber: residentId('20180301', '615') });
    const { applicationId } = await parent.applications.start.mutate({ childId: child.id, entryId: grade1.id, acceptDeclaration: true });
    await parent.applications.chooseChannel.mutate({ applicationId, channelId: hukou.id });
    await parent.applications.save.mutate({ applicationId, fields: hukouForm(community!.name) });
    await parent.applications.chooseSchools.mutate({
      applicationId,
      firstSchoolId: schools[0]!.id,
      secondSchoolId: schools[1]!.id,
      sibling: null,
    });
    for (const kind of hukouDocuments) {
      const form = new FormData();
      form.append('applicationId', applicationId);
      form.append('kind', kind);
      form.append('file', new Blob([samplePng as Uint8Array<ArrayBuffer>], { type: 'image/png' }), `${kind}.png`);
      const res = await fetch(`${stack.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      expect(res.status).toBe(201);
    }
    const preview = await parent.applications.get.query({ applicationId });
    expect(preview.missing).toEqual([]);
    expect((await parent.applications.submit.mutate({ applicationId, version: preview.version })).message).toBe('报名信息提交成功');

    const { token: staffToken } = await anonymous.review.signIn.mutate({
      username: 'county',
      password: 'demo-county-2024',
      session: 'token',
    });
    const county = createEnrollmentClient({ url: stack.url, token: staffToken! });
    await expect
      .poll(async () => (await county.review.get.query({ applicationId })).verification.checks.length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    const { verification } = await county.review.get.query({ applicationId });
    expect(verification.checks.map((c) => c.claim)).toEqual(expect.arrayContaining(['identity_child', 'hukou']));
    expect(verification.checks[0]!.source).toBe('local');
    expect((await county.review.queue.query({})).rows.map((r) => r.id)).toContain(applicationId);
    await county.review.reject.mutate({ applicationId, reason: '户口簿照片不清晰，请重新上传' });
    expect(await parent.applications.progress.query({ applicationId })).toMatchObject({
      statusName: '已驳回',
      rejectReason: '户口簿照片不清晰，请重新上传',
    });

    const again = await parent.applications.get.query({ applicationId });
    await parent.applications.submit.mutate({ applicationId, version: again.version });
    await county.review.approve.mutate({ applicationId });
    expect(await parent.applications.progress.query({ applicationId })).toMatchObject({ statusName: '初审通过', canWithdraw: false });
    const doc = preview.documents[0]!;
    const seen = await fetch(`${stack.url}/api/files/${doc.id}`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(new Uint8Array(await seen.arrayBuffer())).toEqual(samplePng);
  });
});

describe("a parent's channel pre-check on the Worker", () => {
  it('recommends the hukou channel for the family registered on 2024-02-29', async () => {
    const stack = await startWorkerStack({ now });
    try {
      const anonymous = createEnrollmentClient({ url: stack.url });
      const { client: parent } = await signInOnWorker(stack.url, '13512340002');
      const family = edgeCases.hukouBeforeCutoff;
      const child = await parent.children.add.mutate({ name: family.child.name, idType: 'resident', idNumber: family.child.idNumber });
      const [region] = await anonymous.catalog.regions.query();
      const grade1 = (await anonymous.catalog.region.query({ regionId: region!.id })).entries.find((e) => e.code === 'grade1')!;
      const result = await parent.applications.precheck.mutate({
        childId: child.id,
        entryId: grade1.id,
        parentIdNumber: family.father.idNumber,
      });
      expect(result.channels.find((c) => c.code === 'hukou')).toMatchObject({ qualifies: true });
    } finally {
      await stack.stop();
    }
  });
});

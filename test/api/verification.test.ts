import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeCases } from '../../src/adapters/records-dataset';
import type { EnrollmentClient } from '../../src/client';
import { submitForFamily } from '../helpers/edge-families';
import { startFakeRecordsUpstream, type FakeRecordsUpstream } from '../helpers/fake-records-upstream';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let county: EnrollmentClient;
let phones = 0;
const newParent = () => signInParent(t, `135${String(50_000_000 + phones++).slice(-8)}`);

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  county = await signInStaff(t, 'county');
});
afterAll(() => t?.close());

async function precheckFor(key: keyof typeof edgeCases, parentId = edgeCases[key].father.idNumber) {
  const family = edgeCases[key];
  const parent = await newParent();
  const child = await parent.children.add.mutate({ name: family.child.name, idType: 'resident', idNumber: family.child.idNumber });
  return {
    parent,
    child,
    result: () => parent.applications.precheck.mutate({ childId: child.id, entryId: c.entry('grade1').id, parentIdNumber: parentId }),
  };
}

const verdict = (r: { channels: { code: string; qualifies: boolean | null; reasons: string[] }[] }, code: string) =>
  r.channels.find((x) => x.code === code)!;

describe('the pre-check before choosing a channel', () => {
  it('recommends the hukou channel for a hukou registered on 2024-02-29, with the reason', async () => {
    const r = await (await precheckFor('hukouBeforeCutoff')).result();
    expect(r.household).toMatchObject({ community: '迎宾社区', registeredOn: '2024-02-29', inTown: true });
    expect(verdict(r, 'hukou')).toMatchObject({ qualifies: true });
    expect(verdict(r, 'hukou').reasons[0]).toContain('户籍登记于 2024-02-29，早于 2024-03-01');
    expect(verdict(r, 'military').qualifies).toBeNull();
  });

  it('does not recommend it for a hukou registered on 2024-03-01', async () => {
    const r = await (await precheckFor('hukouOnCutoff')).result();
    expect(verdict(r, 'hukou')).toMatchObject({ qualifies: false });
    expect(verdict(r, 'hukou').reasons[0]).toContain('不早于 2024-03-01');
  });

  it('takes 12 months of pension insurance and refuses 11', async () => {
    expect(
      verdict(
        await (
          await precheckFor('pension12Months', edgeCases.pension12Months[edgeCases.pension12Months.facts.pension!.holder].idNumber)
        ).result(),
        'migrant-worker',
      ).qualifies,
    ).toBe(true);
    expect(
      verdict(
        await (
          await precheckFor('pension11Months', edgeCases.pension11Months[edgeCases.pension11Months.facts.pension!.holder].idNumber)
        ).result(),
        'migrant-worker',
      ).qualifies,
    ).toBe(false);
  });

  it('takes a licence of 2023-08-31 and refuses one of 2023-09-01', async () => {
    const holder = (k: 'licenceBeforeCutoff' | 'licenceOnCutoff') => edgeCases[k][edgeCases[k].facts.licence!.holder].idNumber;
    expect(verdict(await (await precheckFor('licenceBeforeCutoff', holder('licenceBeforeCutoff'))).result(), 'business').qualifies).toBe(
      true,
    );
    expect(verdict(await (await precheckFor('licenceOnCutoff', holder('licenceOnCutoff'))).result(), 'business').qualifies).toBe(false);
  });

  it("shows nothing when the parent is not in the child's household, and never names, numbers or addresses", async () => {
    const { result } = await precheckFor('hukouWithoutRelation', edgeCases.hukouOnCutoff.father.idNumber);
    const e = await refusal(result());
    expect(e.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'PRECHECK_NOT_ALLOWED' });
    expect(e.message).toContain('出生医学证明');
    const ok = await (await precheckFor('propertyOwner')).result();
    const text = JSON.stringify(ok);
    expect(text).not.toContain(edgeCases.propertyOwner.father.name);
    expect(text).not.toContain(edgeCases.propertyOwner.mother.idNumber);
    expect(text).not.toContain(edgeCases.propertyOwner.facts.property!.certificateNumber);
    expect(verdict(ok, 'property').qualifies).toBe(true);
  });

  it('says so when the records hold nothing for the child', async () => {
    const r = await (await precheckFor('noRecords')).result();
    expect(r.household).toBeNull();
    expect(r.message).toContain('未查到孩子的户籍信息');
  });
});

describe('checks on submission, for reviewers', () => {
  beforeAll(async () => {
    await t.close();
    t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
    c = await catalogFor(t);
    county = await signInStaff(t, 'county');
  });

  it('checks every claim after a submission and shows reviewers ✓ and ✗ per claim, filterable in the queue', async () => {
    const good = await submitForFamily(t, await newParent(), c, edgeCases.hukouBeforeCutoff, 'hukou', {
      hukouRegisteredOn: '2024-02-29',
      hukouAddress: '桃花江镇迎宾社区',
    });
    const claimedEarlier = await submitForFamily(t, await newParent(), c, edgeCases.hukouOnCutoff, 'hukou', {
      hukouRegisteredOn: '2024-02-01',
      hukouAddress: '桃花江镇桃花社区',
    });
    await expect
      .poll(async () => (await county.review.get.query({ applicationId: good.applicationId })).verification.overall, { timeout: 5000 })
      .toBe('pass');
    await expect
      .poll(async () => (await county.review.get.query({ applicationId: claimedEarlier.applicationId })).verification.overall, {
        timeout: 5000,
      })
      .toBe('fail');
    const { verification } = await county.review.get.query({ applicationId: claimedEarlier.applicationId });
    expect(verification.checks.find((x) => x.claim === 'hukou')).toMatchObject({
      result: 'fail',
      summary: expect.stringContaining('户籍登记于 2024-03-01，不早于 2024-03-01 ✗'),
    });
    const failing = await county.review.queue.query({ verification: 'fail', pageSize: 200 });
    expect(failing.rows.map((r) => r.id)).toContain(claimedEarlier.applicationId);
    expect(failing.rows.map((r) => r.id)).not.toContain(good.applicationId);
  });

  it('flags a child whose name does not match the ID number', async () => {
    const { applicationId } = await submitForFamily(t, await newParent(), c, edgeCases.nameMismatch, 'property', {
      propertyProof: 'public_rental',
      propertyAddress: '桃花江镇某小区',
    });
    await expect
      .poll(
        async () =>
          (await county.review.get.query({ applicationId })).verification.checks.find((x) => x.claim === 'identity_child')?.result,
        { timeout: 5000 },
      )
      .toBe('fail');
  });

  it('runs again when a reviewer asks, and the request is audited', async () => {
    const { applicationId } = await submitForFamily(t, await newParent(), c, edgeCases.publicServant, 'public-servant', {
      employer: '桃江县教育局',
      employerProof: 'salary',
    });
    const again = await county.review.recheck.mutate({ applicationId });
    expect(again.outcome).toBe('done');
    expect(again.checks.find((x) => x.claim === 'public_servant')?.result).toBe('pass');
    const admin = await signInStaff(t, 'admin');
    expect((await admin.review.audit.query({ action: 'recheck', applicationId })).length).toBe(1);
  });
});

describe('when the records service is down', () => {
  let host: TestHost;
  let upstream: FakeRecordsUpstream;
  beforeAll(async () => {
    upstream = await startFakeRecordsUpstream({ key: 'records-test-key', down: true });
    host = await startTestHost({
      now: '2024-07-16T09:00:00+08:00',
      env: { RECORDS_PROVIDER: 'http', RECORDS_HTTP_URL: upstream.url, RECORDS_HTTP_KEY: 'records-test-key' },
    });
  });
  afterAll(async () => {
    await host?.close();
    await upstream?.close();
  });

  it('still takes the submission; the checks stay pending and the sweeper completes them once it is back', async () => {
    const hc = await catalogFor(host);
    const parent = await signInParent(host, '13566667777');
    const { applicationId } = await submitForFamily(host, parent, hc, edgeCases.hukouBeforeCutoff, 'hukou', {
      hukouRegisteredOn: '2024-02-29',
      hukouAddress: '桃花江镇迎宾社区',
    });
    expect((await parent.applications.progress.query({ applicationId })).statusName).toBe('审核中');
    const staff = await signInStaff(host, 'county');
    await expect
      .poll(async () => (await staff.review.get.query({ applicationId })).verification.overall, { timeout: 15_000 })
      .toBe('pending');
    upstream.set({ down: false });
    host.clock.advance(60 * 60_000);
    const { sweep } = await import('../../src/services/sweep');
    const report = await sweep(host.host.deps);
    expect(report.verification.done).toBe(1);
    const later = await signInStaff(host, 'county');
    expect((await later.review.get.query({ applicationId })).verification).toMatchObject({ overall: 'pass', pending: false });
  });
});

import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoStaff } from '../../db/seed/demo-staff';
import { edgeCases } from '../../src/adapters/records-dataset';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { submitForFamily } from '../helpers/edge-families';
import type { TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { codeFromInbox, signInParent } from '../helpers/parents';
import { sampleJpeg } from '../helpers/sample-files';
import { signInStaff } from '../helpers/staff';
import { onPhone, shot, shown, type Tab } from './site';
import { privacyNotice } from '../../src/domain/privacy-notice';

// Before sign-in the staff pages ask who is signed in and get a 401; the browser logs that failed load. A refused
// pre-check (another household's ID number) is an expected 403 as well.
const app = onPhone('2024-07-16T09:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

let t: TestHost;
let c: Catalog;
let phone: Tab;
let desk: Tab;
let draftId: string;
let submitted: { applicationId: string; number: string };
let county: EnrollmentClient;

const testHost = () => app.testHost();

beforeAll(async () => {
  t = testHost();
  c = await catalogFor(t);

  // The parent on the phone: the hukouBeforeCutoff family's child, a grade-1 application at the channel step.
  const parentPhone = '13900000061';
  await t.client.auth.requestCode.mutate({ phone: parentPhone });
  const { token } = await t.client.auth.signIn.mutate({
    phone: parentPhone,
    code: await codeFromInbox(t, parentPhone),
    session: 'token',
    acceptedNotice: privacyNotice.version,
  });
  const parent = createEnrollmentClient({ url: t.url, token: token! });
  const family = edgeCases.hukouBeforeCutoff;
  const child = await parent.children.add.mutate({ name: family.child.name, idType: 'resident', idNumber: family.child.idNumber });
  ({ applicationId: draftId } = await parent.applications.start.mutate({
    childId: child.id,
    entryId: c.entry('grade1').id,
    acceptDeclaration: true,
  }));
  // The phone carries the parent's session as the sign-in page would have left it.
  await app.phoneContext().addCookies([{ name: 'enroll_sid', value: token!, url: t.url }]);

  // Another parent submits for the hukouOnCutoff family, claiming an earlier registration than the records hold.
  const other = await signInParent(t, '13900000062');
  const { applicationId } = await submitForFamily(t, other, c, edgeCases.hukouOnCutoff, 'hukou', {
    hukouRegisteredOn: '2024-02-01',
    hukouAddress: '桃花江镇桃花社区',
  });
  // The helper attaches document rows only; the reviewer's page loads every file, so each gets real bytes.
  const { files, db } = t.host.deps;
  for (const doc of await db.query.documents.findMany({ where: (d, { eq }) => eq(d.applicationId, applicationId) })) {
    await files.put(doc.storageKey, sampleJpeg, 'image/jpeg');
  }
  county = await signInStaff(t, 'county');
  submitted = { applicationId, number: (await county.review.get.query({ applicationId })).number };

  phone = await app.openTab('phone');
  desk = await app.openTab('desktop');
});

afterAll(async () => {
  await phone?.page.close();
  await desk?.page.close();
});

describe('通道预查 on the channel step', () => {
  test("the father's ID number shows the household's records and recommends the hukou channel, with the reason", async () => {
    const { page, errors } = phone;
    await page.goto(app.url(`/applications/${draftId}/channel`));
    await shown(page.getByRole('heading', { name: '选择报名通道', level: 1 }));
    // Issue 11, point 12: the parent's ID number goes in a POST body, never in an address.
    const sent: { method: string; url: string; body: string | null }[] = [];
    const record = (request: Request) => sent.push({ method: request.method(), url: request.url(), body: request.postData() });
    page.on('request', record);
    const panel = page.locator('section.precheck');
    await shown(panel.getByRole('heading', { name: '通道预查' }));
    await shown(panel.getByText('只能由孩子户口簿上的父亲或母亲本人查询'));
    await shown(panel.getByText('您仍可选择任何一个通道'));
    await shot(page, 'verification-01-precheck-empty');

    // Another household's ID number is refused, in the API's words.
    await panel.getByLabel('父亲或母亲本人身份证号码').fill(edgeCases.hukouOnCutoff.father.idNumber);
    await panel.getByRole('button', { name: '查询' }).click();
    await shown(panel.getByRole('alert').filter({ hasText: '所填身份证号码不在孩子的户口簿上' }));
    await shot(page, 'verification-02-precheck-refused');

    await panel.getByLabel('父亲或母亲本人身份证号码').fill(edgeCases.hukouBeforeCutoff.father.idNumber);
    await panel.getByRole('button', { name: '查询' }).click();
    await shown(panel.getByText('迎宾社区，登记于 2024-02-29'));
    const hukou = panel.locator('.precheck-channel[data-channel="hukou"]');
    await shown(hukou.getByText('可能符合', { exact: true }));
    await shown(hukou.getByText(/户籍登记于 2024-02-29，早于 2024-03-01 ✓/));
    await expect.poll(() => panel.getByRole('alert').count()).toBe(0);
    // The channel cards carry the verdict too, and every channel can still be chosen.
    const card = page.locator('details.channel', {
      has: page.locator('.channel-name', { hasText: new RegExp(`^${c.channel('hukou').name}$`) }),
    });
    await shown(card.locator('summary').getByText('可能符合', { exact: true }));
    const military = page.locator('details.channel', {
      has: page.locator('.channel-name', { hasText: new RegExp(`^${c.channel('military').name}$`) }),
    });
    await shown(military.locator('summary').getByText('需人工审核', { exact: true }));
    expect(await page.getByRole('button', { name: '选择此通道', includeHidden: true }).count()).toBeGreaterThan(1);
    await shot(page, 'verification-03-precheck-hukou');
    await panel.locator('.precheck-channels').scrollIntoViewIfNeeded();
    await shot(page, 'verification-04-precheck-channels', false);
    page.off('request', record);
    const typed = edgeCases.hukouBeforeCutoff.father.idNumber;
    expect(sent.filter((r) => decodeURIComponent(r.url).includes(typed))).toEqual([]);
    expect(sent.some((r) => r.method === 'POST' && r.url.includes('precheck') && r.body?.includes(typed))).toBe(true);
    expect(errors.filter((e) => !e.includes('403'))).toEqual([]);
  });
});

describe('系统查验 for reviewers', () => {
  test("the reviewer sees the ✗ hukou claim with the records' values, re-checks it, and finds it under 不通过", async () => {
    const { page, errors } = desk;
    // The checks run just after the submission answers.
    await expect
      .poll(async () => (await county.review.get.query({ applicationId: submitted.applicationId })).verification.overall, {
        timeout: 10_000,
      })
      .toBe('fail');
    await page.goto(app.url('/staff/queue'));
    await page.getByLabel('用户名').fill('county');
    await page.getByLabel('密码').fill(demoStaff.find((s) => s.username === 'county')!.password);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL(/\/staff\/queue$/);
    await shown(page.getByRole('columnheader', { name: '系统查验' }));

    await page.goto(app.url(`/staff/applications/${submitted.applicationId}`));
    const panel = page.locator('section.staff-verification');
    await shown(panel.getByRole('heading', { name: '系统查验' }));
    await shown(panel.locator('.staff-verification-overall').getByText('不通过'));
    const hukou = panel.locator('[data-claim="hukou"]');
    await shown(hukou.getByText('✗ 不通过'));
    await shown(hukou.getByText(/户籍登记于 2024-03-01，不早于 2024-03-01 ✗/));
    await shown(hukou.getByText('2024-03-01', { exact: true }));
    await shown(hukou.getByText('桃花社区', { exact: true }));
    await shown(panel.locator('[data-claim="relation"]').getByText('✓ 通过'));
    await shot(page, 'verification-05-staff-panel');

    await panel.getByRole('button', { name: '重新查验' }).click();
    await shown(panel.getByText('已重新查验，结果已更新。'));
    await shown(hukou.getByText('✗ 不通过'));

    await page.goto(app.url('/staff/queue'));
    await page.getByLabel('查验结果').selectOption({ label: '不通过' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/[?&]verification=fail/);
    const row = page.locator('tr[data-row]', { hasText: submitted.number });
    await shown(row);
    await shown(row.getByText('不通过', { exact: true }));
    await shot(page, 'verification-06-queue-fail');

    // The filter stays in the address: a reload (or a shared link) shows the same list.
    await page.reload();
    await shown(page.locator('tr[data-row]', { hasText: submitted.number }));
    await expect.poll(() => page.getByLabel('查验结果').inputValue()).toBe('fail');
    await page.getByLabel('查验结果').selectOption({ label: '通过' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/[?&]verification=pass/);
    await expect.poll(() => page.locator('tr[data-row]', { hasText: submitted.number }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoStaff } from '../../db/seed/demo-staff';
import type { EnrollmentClient } from '../../src/client';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { residentId } from '../helpers/identity';
import { samplePng } from '../helpers/sample-files';
import { signInStaff } from '../helpers/staff';
import { axeViolations } from './axe';
import { onPhone, shown } from './site';

// Signed out, the pages ask who is signed in and get a 401 (the staff desk too); the browser logs that failed load.
const app = onPhone('2024-07-16T09:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

const parentPhone = '13900000111';
let c: Catalog;
let parent: EnrollmentClient;
let token: string;
/** Complete, submitted in the page by the walk. */
let readyId: string;
/** Submitted beforehand, for 报名进度 and the withdrawal's confirmation. */
let submittedId: string;
/** Submitted beforehand, for the reviewer's detail page. */
let reviewedId: string;
/** Submitted and rejected beforehand: its card on the home page, its 报名进度. */
let rejectedId: string;

beforeAll(async () => {
  const t = app.testHost();
  c = await catalogFor(t);
  ({ client: parent, token } = await app.signInOnPhone(parentPhone));
  ({ applicationId: readyId } = await readyToSubmit(t, parent, c, '20180315', '111'));
  const other = await readyToSubmit(t, parent, c, '20180420', '112');
  submittedId = other.applicationId;
  await parent.applications.submit.mutate({ applicationId: submittedId, version: other.version });
  ({ applicationId: reviewedId } = await readyToSubmit(t, parent, c, '20180521', '114'));
  // The reviewer's viewer loads every document: real bytes in place of the rows `readyToSubmit` attached without them.
  for (const doc of (await parent.applications.get.query({ applicationId: reviewedId })).documents) {
    const form = new FormData();
    form.append('applicationId', reviewedId);
    form.append('kind', doc.kind);
    form.append('replaces', doc.id);
    form.append('file', new Blob([samplePng as Uint8Array<ArrayBuffer>], { type: 'image/png' }), `${doc.kind}.png`);
    const response = await fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(response.status, await response.clone().text()).toBe(201);
  }
  const { version } = await parent.applications.get.query({ applicationId: reviewedId });
  await parent.applications.submit.mutate({ applicationId: reviewedId, version });
  const fourth = await readyToSubmit(t, parent, c, '20180622', '115');
  rejectedId = fourth.applicationId;
  await parent.applications.submit.mutate({ applicationId: rejectedId, version: fourth.version });
  await (await signInStaff(t, 'county')).review.reject.mutate({ applicationId: rejectedId, reason: '户口簿照片不清晰' });
});

/**
 * Walks a journey, checking each page state with axe-core as it goes, and fails once at the end naming every state
 * with its violations: one slow page load per state, no state checked twice.
 */
function checker(page: Page) {
  const found: Record<string, string[]> = {};
  return {
    async check(state: string) {
      const violations = await axeViolations(page);
      if (violations.length > 0) found[state] = violations;
    },
    found,
  };
}

const h1 = (page: Page, name: string | RegExp) => shown(page.getByRole('heading', { name, level: 1 }));

describe('axe-core finds nothing wrong on any page state of either journey', () => {
  test('the parent: signed out, sign-in, privacy, home, children, choosing the child, 报名须知, every step, preview, submitted, progress, withdrawal, messages, account', async () => {
    const { page, errors } = await app.openTab();
    const { check, found } = checker(page);
    try {
      // Signed out: the phone's session cookie is set aside for these pages and put back after.
      const cookies = await app.phoneContext().cookies();
      await app.phoneContext().clearCookies({ name: 'enroll_sid' });
      await page.goto(app.url('/'));
      await h1(page, '桃花江镇');
      await check('home, signed out');
      await page.getByRole('link', { name: '招生工作方案' }).click();
      await h1(page, '招生工作方案');
      await check('policy page');
      await page.goto(app.url(`/regions/${c.region.id}/schools`));
      await h1(page, /学校/);
      await check('schools');
      await page.goto(app.url(`/entries/${c.entry('grade7').id}`));
      await h1(page, '初中七年级新生');
      await page.locator('details.channel').first().locator('summary').click();
      await check('grade-7 entry, a channel open');
      await page.goto(app.url('/no-such-page'));
      await shown(page.getByRole('heading', { level: 1 }));
      await check('not found');
      await page.goto(app.url('/login'));
      await h1(page, /登录/);
      await check('sign-in');
      await page.goto(app.url('/privacy'));
      await shown(page.getByRole('heading', { level: 1 }));
      await check('privacy notice');
      await app.phoneContext().addCookies(cookies);

      await page.goto(app.url('/'));
      await h1(page, '桃花江镇');
      await shown(page.locator('.topbar').getByRole('link', { name: /个人中心/ }));
      await shown(page.locator('.fix-card'));
      await check('home, signed in, an application rejected');
      await page.goto(app.url(`/entries/${c.entry('grade1').id}`));
      await h1(page, '小学一年级新生');
      await check('entry');

      await page.goto(app.url('/me/children'));
      await h1(page, '我的孩子');
      await check('children');
      await page.getByLabel('孩子姓名').fill('王小红');
      await page.getByLabel('证件号码').fill(residentId('20180601', '113'));
      await page.getByRole('button', { name: '添加孩子' }).click();
      await shown(page.getByText('已添加 王小红'));
      await check('children, a child added');

      await page.goto(app.url(`/entries/${c.entry('grade1').id}/apply`));
      await h1(page, '选择报名的孩子');
      await page.getByRole('radio', { name: /王小红/ }).check();
      await check('choose the child');
      await page.getByRole('button', { name: '下一步' }).click();
      await h1(page, '报名须知');
      await check('declaration');
      await page.getByRole('button', { name: '我已阅读并同意' }).click();
      await h1(page, '选择报名通道');
      const draftId = /\/applications\/([a-z2-7]{20})\/channel$/.exec(page.url())![1]!;
      await page.locator('details.channel').first().locator('summary').click();
      await check('channel step');
      for (const [step, title] of [
        ['form', '填写报名资料'],
        ['documents', '上传证明材料'],
        ['schools', '选择报读学校'],
      ] as const) {
        await page.goto(app.url(`/applications/${readyId}/${step}`));
        await h1(page, title);
        await check(`${step} step`);
      }
      await page.goto(app.url(`/applications/${draftId}/preview`));
      await shown(page.locator('.missing-list'));
      await check('preview with the missing list');
      await page.goto(app.url(`/applications/${readyId}/preview`));
      await h1(page, '预览报名信息');
      await check('preview, complete');
      await page.getByRole('button', { name: '提交资料' }).click();
      await h1(page, '报名信息提交成功');
      await check('submitted');

      await page.goto(app.url(`/applications/${submittedId}/progress`));
      await h1(page, '报名进度');
      await check('progress');
      await page.goto(app.url(`/applications/${rejectedId}/progress`));
      await h1(page, '报名进度');
      await shown(page.getByText('户口簿照片不清晰').first());
      await check('progress, rejected');
      await page.goto(app.url(`/applications/${submittedId}/progress`));
      await h1(page, '报名进度');
      await page.getByRole('button', { name: '如需修改，请点击撤回' }).click();
      await shown(page.getByRole('alertdialog'));
      await check('withdrawal confirmation');
      await page.getByRole('alertdialog').getByRole('button', { name: '确认撤回' }).click();
      await shown(page.getByText('已撤回，请在7月25日24时前重新提交', { exact: true }));
      await check('withdrawn');
      await page.goto(app.url('/applications'));
      await h1(page, '报名进度');
      await check('applications');

      await page.goto(app.url('/me/messages'));
      await h1(page, '我的消息');
      await check('messages');
      await page.goto(app.url('/me'));
      await h1(page, '个人中心');
      await check('account');

      expect(found).toEqual({});
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the reviewer: sign-in, queue, an application, audit log, staff accounts, 绑定申诉', async () => {
    const { page, errors } = await app.openTab('desktop');
    const { check, found } = checker(page);
    try {
      await page.goto(app.url('/staff'));
      await shown(page.getByLabel('用户名'));
      await check('staff sign-in');
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill(demoStaff.find((s) => s.username === 'admin')!.password);
      await page.getByLabel('密码').press('Enter');
      await page.waitForURL(/\/staff\/queue/);
      await h1(page, '报名审核');
      await shown(page.locator('tr[data-row]').first());
      await check('queue');
      await page.goto(app.url(`/staff/applications/${reviewedId}`));
      await shown(page.locator('h1.staff-title'));
      await page.waitForLoadState('networkidle');
      await check('application detail');
      for (const [path, title] of [
        ['/staff/audit', '审计日志'],
        ['/staff/accounts', '工作人员账号'],
        ['/staff/appeals', '绑定申诉'],
      ] as const) {
        await page.goto(app.url(path));
        await h1(page, title);
        await check(title);
      }
      expect(found).toEqual({});
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

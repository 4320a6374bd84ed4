import { beforeAll, describe, expect, test } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { catalogFor, readyToSubmit } from '../helpers/journey';
import { onPhone, shot, shown } from './site';
import { signInStaff } from '../helpers/staff';

// The seeded window: 2024-07-15 00:00 to 2024-07-25 24:00 China time; the clock stands inside it.
const app = onPhone('2024-07-16T09:00:00+08:00');

const parentPhone = '13900000062';
let parent: EnrollmentClient;
/** Submitted on the page by the first test. */
let applicationId: string;
/** Another child's application, submitted beforehand, for the withdrawal. */
let submittedId: string;
/** A third, submitted beforehand, withdrawn from 修改已提交的资料. */
let fromPreviewId: string;

const testHost = () => app.testHost();

beforeAll(async () => {
  const t = testHost();
  const c = await catalogFor(t);
  ({ client: parent } = await app.signInOnPhone(parentPhone));
  ({ applicationId } = await readyToSubmit(t, parent, c, '20180315', '062'));
  const other = await readyToSubmit(t, parent, c, '20180420', '063');
  submittedId = other.applicationId;
  await parent.applications.submit.mutate({ applicationId: submittedId, version: other.version });
  const third = await readyToSubmit(t, parent, c, '20180521', '064');
  fromPreviewId = third.applicationId;
  await parent.applications.submit.mutate({ applicationId: fromPreviewId, version: third.version });
});

describe('after 提交 and after 撤回 a parent on a phone is told what happens next', () => {
  test('报名信息提交成功 lists 已提交 → 网上初审 → 学校审核 → 录取结果, with the submission time and until when a withdrawal is possible', async () => {
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${applicationId}/preview`));
      await page.getByRole('button', { name: '提交资料' }).click();
      await shown(page.getByRole('heading', { name: '报名信息提交成功', level: 1 }));
      const next = page.getByRole('region', { name: '接下来' });
      await shown(next);
      expect(await next.locator('.stage-name').allInnerTexts()).toEqual(['报名信息已提交', '网上初审（审核中）', '学校审核', '录取结果']);
      await shown(next.getByText('2024-07-16 09:00 提交'));
      expect(await next.locator('[aria-current="step"] .stage-name').innerText()).toBe('网上初审（审核中）');
      await shown(next.getByText('初审通过前如需修改，可在7月25日24时前撤回，修改后重新提交。', { exact: false }));
      await shot(page, 'next-steps-submitted');

      // 报名进度 shows the same stages while the application is on its way.
      await page.getByRole('link', { name: '查看报名进度' }).click();
      await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
      await shown(page.getByRole('region', { name: '接下来' }).locator('[aria-current="step"]', { hasText: '网上初审' }));
      expect(errors).toEqual([]);
    });
  });

  test('撤回 asks first (确认撤回 / 取消, focus on 取消, Escape closes), then says 已撤回，请在7月25日24时前重新提交 and how many withdrawals are left', async () => {
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${submittedId}/progress`));
      const withdraw = page.getByRole('button', { name: '如需修改，请点击撤回' });
      await withdraw.click();
      const dialog = page.getByRole('alertdialog', { name: '确定撤回这份报名吗？' });
      await shown(dialog);
      await shown(dialog.getByRole('button', { name: '确认撤回' }));
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('如需修改，请点击撤回');

      // 取消 keeps the application as it was.
      await withdraw.click();
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'detached' });
      await shown(page.locator('.progress-card').getByText('审核中', { exact: true }));

      await withdraw.click();
      await shot(page, 'next-steps-withdraw-confirm');
      await dialog.getByRole('button', { name: '确认撤回' }).click();
      await shown(page.getByText('已撤回，请在7月25日24时前重新提交', { exact: true }));
      await shown(page.getByText('还可撤回 1 次', { exact: true }));
      expect(await page.getByRole('region', { name: '接下来' }).count()).toBe(0);
      await shot(page, 'next-steps-withdrawn');
      expect(errors).toEqual([]);
    });
  });

  test('撤回 from 修改已提交的资料 leads to 报名进度, which says by when to resubmit', async () => {
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${fromPreviewId}/preview`));
      await shown(page.getByRole('heading', { name: '已提交的报名资料', level: 1 }));
      await page.getByRole('button', { name: '如需修改，请点击撤回' }).click();
      await page.getByRole('alertdialog', { name: '确定撤回这份报名吗？' }).getByRole('button', { name: '确认撤回' }).click();
      await page.waitForURL(/\/progress$/);
      await shown(page.getByText('已撤回，请在7月25日24时前重新提交', { exact: true }));
      await shown(page.getByRole('link', { name: '修改报名资料' }));
      expect(errors).toEqual([]);
    });
  });
});

describe('the system checks of the family’s own application', () => {
  test('报名进度 lists what was checked, in plain words, and what to check or bring where a check did not pass', async () => {
    // This family is not in the authority records: nothing could be confirmed automatically.
    await expect
      .poll(async () => (await parent.applications.progress.query({ applicationId: fromPreviewId })).checks.length, { timeout: 5000 })
      .toBeGreaterThan(0);
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${fromPreviewId}/progress`));
      const checks = page.getByRole('region', { name: '系统核验' });
      await shown(checks);
      await shown(checks.getByText('孩子的姓名与身份证号码'));
      await shown(checks.getByText('请核对填写的孩子姓名和证件号码；如无误，请携带孩子的户口簿和身份证件原件备查'));
      await shot(page, 'apply-progress-checks');
      expect(errors).toEqual([]);
    });
  });
});

describe('a rejected application on the home page', () => {
  test('shows a card with the reason, the correction deadline and 去修改, which opens the steps to correct it', async () => {
    const t = app.testHost();
    const c = await catalogFor(t);
    const { applicationId: rejectedId, version } = await readyToSubmit(t, parent, c, '20180612', '065');
    await parent.applications.submit.mutate({ applicationId: rejectedId, version });
    const county = await signInStaff(t, 'county');
    await county.review.reject.mutate({ applicationId: rejectedId, reason: '户口簿照片不清晰，请重新拍照上传' });
    await app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      const card = page.getByRole('region', { name: '李小明的报名被驳回，请修改后重新提交' });
      await shown(card);
      await shown(card.getByText('驳回原因：户口簿照片不清晰，请重新拍照上传'));
      await shown(card.getByText(/^请在\d+月\d+日\d+时前修改并重新提交$/));
      await shot(page, 'home-rejected-card');
      await card.getByRole('link', { name: '去修改' }).click();
      await shown(page.getByRole('heading', { name: '选择报名通道', level: 1 }));
      expect(errors).toEqual([]);
    });
  });
});

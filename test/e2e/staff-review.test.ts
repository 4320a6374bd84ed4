import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoStaff } from '../../db/seed/demo-staff';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import type { TestHost } from '../helpers/host';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { codeFromInbox } from '../helpers/parents';
import { samplePdf, samplePng, sampleWebp } from '../helpers/sample-files';
import { onPhone, shot, shown, type Tab } from './site';
import { privacyNotice } from '../../src/domain/privacy-notice';

// Before sign-in the staff pages ask who is signed in and get a 401; the browser logs that failed load.
const app = onPhone('2024-07-16T09:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

const password = (username: string) => demoStaff.find((s) => s.username === username)!.password;
const reason = '户口簿照片不清晰，请重新上传';

let t: TestHost;
let c: Catalog;
let parent: EnrollmentClient;
let token: string;
let applicationId: string;
let number: string;
let desk: Tab;
let phone: Tab;

const testHost = () => app.testHost();

/** A real file in place of a document row `readyToSubmit` attached without bytes (the viewer loads every one). */
async function replaceDocument(id: string, kind: string, file: { bytes: Uint8Array; name: string; type: string }) {
  const form = new FormData();
  form.append('applicationId', applicationId);
  form.append('kind', kind);
  form.append('replaces', id);
  form.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name);
  const response = await fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(response.status, await response.clone().text()).toBe(201);
}

const files: Record<string, { bytes: Uint8Array; name: string; type: string }> = {
  'father-id-card': { bytes: samplePdf, name: '父亲身份证.pdf', type: 'application/pdf' },
  'mother-id-card': { bytes: sampleWebp, name: '母亲身份证.webp', type: 'image/webp' },
};

const parentPhone = '13900000051';

beforeAll(async () => {
  t = testHost();
  c = await catalogFor(t);
  await t.client.auth.requestCode.mutate({ phone: parentPhone });
  const signedIn = await t.client.auth.signIn.mutate({
    phone: parentPhone,
    code: await codeFromInbox(t, parentPhone),
    session: 'token',
    acceptedNotice: privacyNotice.version,
  });
  token = signedIn.token!;
  parent = createEnrollmentClient({ url: t.url, token });

  ({ applicationId } = await readyToSubmit(t, parent, c, '20180315', '051'));
  for (const doc of (await parent.applications.get.query({ applicationId })).documents) {
    await replaceDocument(doc.id, doc.kind, files[doc.kind] ?? { bytes: samplePng, name: `${doc.kind}.png`, type: 'image/png' });
  }
  const { version } = await parent.applications.get.query({ applicationId });
  ({ number } = await parent.applications.submit.mutate({ applicationId, version }));

  // The phone carries the parent's session as the sign-in page would have left it; the desktop, nobody yet.
  await app.phoneContext().addCookies([{ name: 'enroll_sid', value: token, url: t.url }]);
  phone = await app.openTab('phone');
  desk = await app.openTab('desktop');
});

afterAll(async () => {
  await phone?.page.close();
  await desk?.page.close();
});

/** The parent's 报名进度, read afresh. */
async function progress(page: Page) {
  await page.goto(app.url(`/applications/${applicationId}/progress`));
  await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
}

/** One step of the story below: a failure names the step it happened in. */
async function step(name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    if (error instanceof Error) error.message = `${name}: ${error.message}`;
    throw error;
  }
}

// One story in one test: each step acts on what the step before left (the rejection, the resubmission, the
// reset password), so it runs whole however tests are filtered or ordered.
describe('a county reviewer rejects, the parent resubmits, the reviewer approves', () => {
  test('rejects, resubmits, approves, bulk-approves and exports, audits, and the school decides: every step in order', async () => {
    await step('the parent has read the submission notice: 审核中 with 撤回, and no red dot', async () => {
      const { page, errors } = phone;
      await page.goto(app.url('/me/messages'));
      await shown(page.getByRole('heading', { name: '我的消息', level: 1 }));
      await shown(page.getByRole('heading', { name: '报名进度更新：审核中' }));
      await progress(page);
      await shown(page.locator('.progress-card').getByText('审核中', { exact: true }));
      await shown(page.getByRole('button', { name: '如需修改，请点击撤回' }));
      await expect.poll(() => page.locator('header .red-dot').count()).toBe(0);
      await shot(page, 'staff-01-parent-submitted');
      expect(errors).toEqual([]);
    });

    await step('sign-in says what went wrong in plain words, including a locked account', async () => {
      const { page } = desk;
      await page.goto(app.url('/staff/queue'));
      // Not signed in: the queue sends the reviewer to sign in, and back afterwards.
      await page.waitForURL(/\/staff\?from=%2Fstaff%2Fqueue$/);
      await shown(page.getByRole('heading', { name: '审核人员登录', level: 1 }));
      await page.getByRole('button', { name: '登录' }).click();
      await shown(page.getByText('请填写用户名'));
      await page.getByLabel('用户名').fill('county');
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByLabel('密码').press('Enter');
      await shown(page.getByText('用户名或密码错误'));
      await shot(page, 'staff-02-sign-in-wrong');

      // Five wrong passwords lock an account for 15 minutes (the school reviewer's here; the clock stands still).
      for (let i = 0; i < 5; i++) {
        await t.client.review.signIn.mutate({ username: 'school', password: 'wrong-password' }).catch(() => {});
      }
      await page.getByLabel('用户名').fill('school');
      await page.getByLabel('密码').fill(password('school'));
      await page.getByLabel('密码').press('Enter');
      await shown(page.getByText('登录失败次数过多，账号已锁定，请15分钟后再试'));
      await shot(page, 'staff-02-sign-in-locked');
    });

    await step('the county reviewer signs in, finds the application by its number, opens it from the keyboard', async () => {
      const { page } = desk;
      await page.getByLabel('用户名').fill('county');
      await page.getByLabel('密码').fill(password('county'));
      await page.getByLabel('密码').press('Enter');
      await page.waitForURL(/\/staff\/queue$/);
      await shown(page.getByRole('heading', { name: '报名审核', level: 1 }));
      await shown(page.getByText('教育局审核员（演示）'));
      await shown(page.getByRole('button', { name: /^审核中\s*1$/ }));
      await shown(page.getByText('共 1 条'));
      const row = page.locator('tr[data-row]', { hasText: number });
      await shown(row);
      await expect
        .poll(() => row.locator('td').allInnerTexts())
        .toEqual([
          '',
          number,
          '李*明',
          '小学一年级新生',
          c.channel('hukou').name,
          `${c.primary[0]!.name}\n${c.primary[1]!.name}`,
          '审核中',
          expect.stringMatching(/^(通过|不通过|需人工审核|查验中|未查验)$/),
          '2024-07-16 09:00',
          '0',
        ]);
      await shot(page, 'staff-03-queue');

      // Filters live in the address: a name search that matches nothing, then the number.
      await page.getByLabel('报名编号或学生姓名').fill('王');
      await page.getByLabel('报名编号或学生姓名').press('Enter');
      await page.waitForURL(/[?&]q=%E7%8E%8B/);
      await shown(page.getByText('没有符合条件的报名'));
      // Submitted between: China calendar days, both included.
      await page.getByLabel('报名编号或学生姓名').fill('');
      await page.getByLabel('提交日期从').fill('2024-07-17');
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL(/[?&]from=2024-07-17/);
      await shown(page.getByText('没有符合条件的报名'));
      await page.getByLabel('提交日期从').fill('2024-07-16');
      await page.getByLabel('至').fill('2024-07-16');
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL(/[?&]to=2024-07-16/);
      await shown(page.getByText('共 1 条'));
      await page.getByLabel('报名编号或学生姓名').fill(number.slice(0, 9));
      await page.getByLabel('报名编号或学生姓名').press('Enter');
      await page.waitForURL(new RegExp(`[?&]q=${number.slice(0, 9)}`));
      await shown(row);

      // Tab reaches the rows; Enter opens one.
      await row.focus();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('tabindex'))).toBe('0');
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/staff/applications/${applicationId}$`));
      await shown(page.getByRole('heading', { name: new RegExp(number), level: 1 }));
    });

    await step('the detail shows every field masked, the documents, the history; a revealed ID number says it is logged', async () => {
      const { page } = desk;
      for (const label of [
        '居住社区',
        '详细住址',
        '户口簿能否体现亲子关系',
        '父亲姓名',
        '父亲身份证号码',
        '母亲身份证号码',
        '学生户口取得时间',
        '户籍地址',
      ]) {
        await shown(page.locator('dt', { hasText: new RegExp(`^${label}$`) }));
      }
      await shown(page.getByText('已撤回 0 次（每个学生最多 2 次）'));
      const body = await page.locator('body').innerText();
      expect(body).not.toMatch(/\d{17}[\dX]/);
      expect(body).toMatch(/430922\*{8}\d{3}[\dX]/);

      // Images inline (loaded through the staff cookie), the PDF in a frame; they load lazily, once scrolled to.
      const images = page.locator('.staff-doc img');
      await page.locator('.staff-doc').last().scrollIntoViewIfNeeded();
      await expect.poll(() => images.count()).toBe(4);
      await expect
        .poll(() =>
          images.evaluateAll((list) =>
            list.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
          ),
        )
        .toBe(true);
      await shown(page.locator('iframe.staff-doc-frame'));
      const pdf = await page.request.get(app.url((await page.locator('iframe.staff-doc-frame').getAttribute('src'))!));
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await shown(page.locator('.staff-timeline li', { hasText: '审核中' }));

      const childId = page.locator('dd.staff-wide');
      await childId.getByRole('button', { name: '显示完整证件号：学生证件号码' }).click();
      await shown(childId.getByText('已显示完整证件号，本次查看已记入审计日志。'));
      await expect.poll(() => childId.innerText()).toMatch(/430922201803150\d[\dX]/);
      // The parent's phone, masked, revealed on request to call them (audited).
      const phone = page.locator('dd', { has: page.getByRole('button', { name: '显示完整号码：家长手机号' }) });
      await shown(phone.getByText(`${parentPhone.slice(0, 3)}****${parentPhone.slice(7)}`));
      await phone.getByRole('button', { name: '显示完整号码：家长手机号' }).click();
      await shown(page.getByText(parentPhone, { exact: true }));
      await shown(page.getByText('已显示完整号码，本次查看已记入审计日志。'));
      await shot(page, 'staff-04-detail');
    });

    await step('驳回 with a template reason: Enter is a new line, Ctrl+Enter sends, and the page says the parent is notified', async () => {
      const { page, errors } = desk;
      await page.getByRole('radio', { name: '驳回' }).check();
      await page.getByLabel('常用原因').selectOption({ label: reason });
      await expect.poll(() => page.getByLabel('驳回原因').inputValue()).toBe(reason);
      await shot(page, 'staff-05-reject-form', false);
      await page.getByLabel('驳回原因').press('End');
      await page.getByLabel('驳回原因').press('Enter');
      await expect.poll(() => page.getByLabel('驳回原因').inputValue()).toBe(`${reason}\n`);
      expect(await page.getByText('已处理：已驳回。家长已收到通知。').count()).toBe(0);
      await page.getByLabel('驳回原因').press('Backspace');
      await page.getByLabel('驳回原因').press('Control+Enter');
      await shown(page.getByText('已处理：已驳回。家长已收到通知。'));
      await shown(page.locator('.staff-detail-head').getByText('已驳回'));
      await shown(page.locator('.staff-reject', { hasText: reason }));
      await shown(page.getByText('该报名当前状态为“已驳回”，您无需处理。'));
      await shot(page, 'staff-06-rejected');
      expect(errors).toEqual([]);
    });

    await step("the parent's 报名进度 shows the reason, and the red dot for the new message", async () => {
      const { page, errors } = phone;
      await progress(page);
      await shown(page.getByText('驳回原因', { exact: true }));
      await shown(page.locator('.reject-reason', { hasText: reason }));
      await shown(page.locator('header').getByRole('img', { name: /条未读消息/ }));
      await shot(page, 'staff-07-parent-rejected');
      expect(errors).toEqual([]);
    });

    await step('the parent resubmits; a decision on the version the reviewer saw is refused with 该申请已被他人处理', async () => {
      const { version } = await parent.applications.save.mutate({ applicationId, fields: { address: '桃花江镇资江路99号' } });
      await parent.applications.submit.mutate({ applicationId, version });

      const { page } = desk;
      await page.reload();
      await shown(page.locator('.staff-detail-head').getByText('审核中'));
      await shown(page.getByText('桃花江镇资江路99号'));
      // While the reviewer looks, the family withdraws and submits again: the page's version is stale.
      await parent.applications.withdraw.mutate({ applicationId });
      const again = await parent.applications.get.query({ applicationId });
      await parent.applications.submit.mutate({ applicationId, version: again.version });

      await page.getByRole('radio', { name: '初审通过' }).check();
      await shown(page.getByText('初审通过后家长不能再自主撤回。'));
      // This family is not in the authority records: the checks that did not pass are named before approving.
      await shown(page.locator('.staff-warn-box', { hasText: '通过前请核对材料' }).locator('li').first());
      await page.getByRole('radio', { name: '初审通过' }).press('Enter');
      await shown(page.getByText('该申请已被他人处理'));
      await shot(page, 'staff-08-conflict', false);
      await page.getByRole('button', { name: '刷新查看最新情况' }).click();
      await shown(page.getByText('已撤回 1 次（每个学生最多 2 次）'));
      await expect
        .poll(() => page.locator('.staff-timeline-status').allInnerTexts())
        .toEqual(['审核中', '已撤回', '审核中', '已驳回', '审核中']);
    });

    await step('the reviewer approves; the parent sees 初审通过 and no 撤回 button', async () => {
      const { page, errors } = desk;
      await page.getByRole('radio', { name: '初审通过' }).check();
      await page.getByRole('button', { name: '初审通过' }).click();
      await shown(page.getByText('已处理：初审通过。家长已收到通知。'));
      await shown(page.locator('.staff-detail-head').getByText('初审通过'));
      await shot(page, 'staff-09-approved');

      await progress(phone.page);
      await shown(phone.page.locator('.progress-card').getByText('初审通过', { exact: true }));
      await shown(phone.page.getByText('资料已进入审核阶段，不能再自主撤回。'));
      expect(await phone.page.getByRole('button', { name: /撤回/ }).count()).toBe(0);
      await shot(phone.page, 'staff-10-parent-approved');
      expect((await parent.applications.progress.query({ applicationId })).canWithdraw).toBe(false);
      expect(errors).toEqual([]);
      expect(phone.errors).toEqual([]);
    });

    await step('批量初审通过 reports each application; 导出 CSV downloads the filtered queue with masked IDs', async () => {
      // A second family's application, waiting.
      await t.client.auth.requestCode.mutate({ phone: '13900000052' });
      const other = await t.client.auth.signIn.mutate({
        phone: '13900000052',
        code: await codeFromInbox(t, '13900000052'),
        session: 'token',
        acceptedNotice: privacyNotice.version,
      });
      const otherParent = createEnrollmentClient({ url: t.url, token: other.token! });
      const second = await readyToSubmit(t, otherParent, c, '20180401', '061');
      const { number: secondNumber } = await otherParent.applications.submit.mutate({
        applicationId: second.applicationId,
        version: second.version,
      });

      const { page, errors } = desk;
      await page.getByRole('link', { name: '返回报名列表' }).click();
      await page.getByRole('button', { name: '清空条件' }).click();
      await shown(page.getByText('共 2 条'));
      // Sorting is in the address too.
      await page.getByRole('button', { name: '报名编号', exact: true }).click();
      await page.waitForURL(/[?&]sort=number/);
      await expect.poll(() => page.locator('tr[data-row] td:nth-child(2)').allInnerTexts()).toEqual([number, secondNumber].sort());
      // From the keyboard: Space selects a row, j moves to the next.
      await page.locator('tr[data-row]').first().focus();
      await page.keyboard.press(' ');
      await page.keyboard.press('j');
      await page.keyboard.press(' ');
      await shown(page.getByText('已选 2 条'));
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(secondNumber < number ? number : secondNumber);
      await shot(page, 'staff-11-keyboard', false);
      await expect.poll(() => page.getByRole('checkbox', { name: '选择本页全部' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: '批量初审通过' }).click();
      await page.getByRole('button', { name: '确认通过' }).click();
      await shown(page.getByText('批量初审通过：成功 1 条，共 2 条'));
      await shown(page.locator('.staff-bulk-ok', { hasText: secondNumber }));
      await shown(page.locator('.staff-bulk-failed', { hasText: number }).getByText('该申请当前状态为“初审通过”，不能执行此操作'));
      await shown(page.getByRole('button', { name: /^初审通过\s*2$/ }));
      await shot(page, 'staff-12-bulk');

      await page.getByRole('button', { name: /^初审通过\s*2$/ }).click();
      await page.waitForURL(/[?&]status=preliminarily_approved/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^报名数据-2024-07-16-\d{4}\.csv$/);
      const bytes = new Uint8Array(await readFile(await download.path()));
      expect([...bytes.subarray(0, 3)], 'UTF-8 with BOM, for Excel').toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      const lines = csv.trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toContain('报名编号');
      expect(csv).toContain(number);
      expect(csv).toContain(secondNumber);
      expect(csv).not.toMatch(/\d{17}[\dX]/);
      await shown(page.getByText(/^已导出 2 条：报名数据-/));
      await shot(page, 'staff-13-export');
      expect(errors).toEqual([]);
    });

    await step('the administrator reads the audit log by action and manages staff accounts', async () => {
      const { page, errors } = desk;
      await page.getByRole('button', { name: '退出登录' }).click();
      await shown(page.getByRole('heading', { name: '审核人员登录', level: 1 }));
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill(password('admin'));
      await page.getByLabel('密码').press('Enter');
      await page.waitForURL(/\/staff\/queue$/);
      await page.getByRole('link', { name: '审计日志' }).click();
      await shown(page.getByRole('heading', { name: '审计日志', level: 1 }));
      await page.getByLabel('操作', { exact: true }).selectOption({ label: '驳回' });
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL(/[?&]action=reject/);
      await expect.poll(() => page.locator('.staff-audit-table tbody tr').count()).toBe(1);
      await shown(page.locator('.staff-audit-table tbody tr', { hasText: 'county' }).getByText(`审核中 → 已驳回；原因：${reason}`));
      await page.getByLabel('操作', { exact: true }).selectOption({ label: '全部操作' });
      await page.getByLabel('工作人员').selectOption({ label: '教育局审核员（演示）（county）' });
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL(/[?&]staff=/);
      await shown(page.locator('.staff-audit-table tbody tr', { hasText: '查看完整证件号' }));
      await shown(page.locator('.staff-audit-table tbody tr', { hasText: '导出' }));
      await shot(page, 'staff-14-audit');

      await page.getByRole('link', { name: '工作人员账号' }).click();
      await shown(page.getByRole('heading', { name: '工作人员账号', level: 1 }));
      await shown(page.locator('tr', { hasText: 'school' }).getByText('已锁定'));
      await page.getByLabel('用户名').fill('shiyan.li');
      await page.getByLabel('姓名').fill('李老师');
      await page.getByLabel('角色').selectOption({ label: '学校审核员' });
      await page.getByLabel('初始密码').fill('short');
      await page.getByRole('button', { name: '新建账号' }).click();
      await shown(page.getByText('密码至少10位'));
      await page.getByLabel('初始密码').fill('li-teacher-2024');
      await page.getByLabel('初始密码').press('Enter');
      await shown(page.getByText('学校审核员须绑定一所学校'));
      await page.getByLabel('绑定学校').selectOption({ label: c.primary[0]!.name });
      await page.getByLabel('初始密码').press('Enter');
      await shown(page.getByText('已创建账号 shiyan.li'));
      const row = page.locator('tbody tr', { hasText: 'shiyan.li' });
      await shown(row.getByText(c.primary[0]!.name));
      await row.getByRole('button', { name: '停用 shiyan.li' }).click();
      await shown(row.getByText('已停用'));
      await page
        .locator('tbody tr', { hasText: /^school/ })
        .getByRole('button', { name: '重置密码 school' })
        .click();
      await page.getByLabel('新密码').fill('school-new-2024');
      await page.getByLabel('新密码').press('Enter');
      await shown(page.getByText('已重置 school 的密码，账号已解锁'));
      await expect
        .poll(() =>
          page
            .locator('tbody tr', { hasText: /^school/ })
            .getByText('正常')
            .count(),
        )
        .toBe(1);
      await shot(page, 'staff-15-accounts');
      expect(errors).toEqual([]);
    });

    await step('the school reviewer (password reset by the admin) records 学校审核通过 for an application naming the school', async () => {
      const { page, errors } = desk;
      await page.getByRole('button', { name: '退出登录' }).click();
      await shown(page.getByRole('heading', { name: '审核人员登录', level: 1 }));
      await page.getByLabel('用户名').fill('school');
      await page.getByLabel('密码').fill('school-new-2024');
      await page.getByLabel('密码').press('Enter');
      await page.waitForURL(/\/staff\/queue$/);
      await shown(page.getByText(`学校审核员 · ${c.primary[0]!.name}`));
      await shown(page.getByText('共 2 条'));
      expect(await page.getByRole('button', { name: '批量初审通过' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: '审计日志' }).count()).toBe(0);
      await page.locator('tr[data-row]', { hasText: number }).focus();
      await page.keyboard.press('Enter');
      await shown(page.getByRole('heading', { name: new RegExp(number), level: 1 }));
      await page.getByRole('radio', { name: '学校审核通过' }).check();
      await page.getByRole('button', { name: '学校审核通过' }).click();
      await shown(page.getByText('已处理：学校审核通过。家长已收到通知。'));
      await shot(page, 'staff-16-school-approved', false);
      expect(errors).toEqual([]);
    });
  }, 300_000);
});

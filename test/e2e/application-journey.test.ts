import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createEnrollmentClient } from '../../src/client';
import { residentId } from '../helpers/identity';
import { jpegSize, photoPng } from '../helpers/photo';
import { onPhone, shot, shown } from './site';

// The browser's own report of an API 400 (a refused field, as the test means it) is expected.
const app = onPhone('2024-07-16T09:00:00+08:00', { ignoreFailedLoads: true });

const parentPhone = '13900000016';
const child = { name: '李小明', id: residentId('20180315', '051') };
const form = {
  address: '桃花江镇资江路88号3栋201',
  fatherName: '李建国',
  fatherId: residentId('19850312', '031'),
  motherName: '王秀英',
  motherId: residentId('19870520', '042'),
  hukouAddress: '桃花江镇资江社区',
};
const hukouDocuments = ['学生本人户口簿页', '父亲户口簿页', '母亲户口簿页', '父亲身份证', '母亲身份证'];
const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

/** A phone camera's picture of a page: 2400×1800 PNG, about 3 MB before the page compresses it. */
let photo: Buffer;
/** A smaller real picture for the other rows (still re-encoded as JPEG on the page), to keep the test quick. */
let smallPhoto: Buffer;
let community: string;
let schools: string[];

beforeAll(async () => {
  photo = photoPng(2400, 1800);
  smallPhoto = photoPng(1000, 750, 2);
  const catalog = createEnrollmentClient({ url: app.url('') });
  const [region] = await catalog.catalog.regions.query();
  const communities = await catalog.catalog.communities.query({ regionId: region!.id });
  // A community served by at least two primary schools.
  for (const c of communities) {
    const serving = await catalog.catalog.schools.query({ regionId: region!.id, level: 'primary', community: c.name });
    if (serving.length >= 2) {
      community = c.name;
      schools = serving.map((s) => s.name);
      break;
    }
  }
  expect(schools.length).toBeGreaterThanOrEqual(2);
});

/** The newest sign-in code for `number`, read from the demo inbox page in a second tab. */
async function codeFromInbox(number: string) {
  const { page, errors } = await app.openTab();
  try {
    await page.goto(app.url(`/dev/inbox?phone=${number}`));
    const first = page.locator('.sms-body').first();
    await shown(first);
    const code = /验证码为(\d{6})/.exec(await first.innerText())?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(errors).toEqual([]);
    return code!;
  } finally {
    await page.close();
  }
}

/** Leaves the focused field (a tap elsewhere on the phone): the field's change is saved. */
const leave = (page: Page) => page.locator('h1').click();

async function waitSaved(page: Page) {
  await expect.poll(() => page.locator('.save-status').innerText()).toBe('已自动保存');
}

const twoSided = ['父亲身份证', '母亲身份证'];

/**
 * Uploads the photo through 选择文件 of a document row and waits for the row to show the uploaded file. An ID card
 * goes into its 正面 slot unless told 反面; the row is complete once both are on file.
 */
async function upload(page: Page, name: string, side?: '反面') {
  const row = page.locator('.doc-row', { has: page.locator('.doc-name', { hasText: new RegExp(`^${name}$`) }) });
  const slot = twoSided.includes(name) ? (side ?? '正面') : '';
  const fileName = side ? `${name}${side}` : name;
  await row.getByLabel(`选择文件：${name}${slot}`).setInputFiles({ name: `${fileName}.png`, mimeType: 'image/png', buffer: smallPhoto });
  if (slot !== '正面') await shown(row.getByText('已上传', { exact: true }));
  await shown(row.getByRole('link', { name: `${fileName}.jpg` }));
  return row;
}

/** Bytes of an uploaded document as the server serves them to the signed-in parent. */
async function served(page: Page, link: Locator) {
  const response = await page.request.get(app.url((await link.getAttribute('href'))!));
  expect(response.status()).toBe(200);
  return { type: response.headers()['content-type'], bytes: new Uint8Array(await response.body()) };
}

describe('the grade-1 journey on a phone (2024-07-16 09:00 China time)', () => {
  test('entry → child → 报名须知 → hukou channel → form → real photo uploads → schools → preview → submit; withdraw, edit, resubmit', async () => {
    const { page, errors } = await app.openTab();
    try {
      // Entry page: signed out, 开始报名 goes through 登录 and back to choosing the child.
      await page.goto(app.url('/'));
      await page.getByRole('link', { name: /^小学一年级新生/ }).click();
      await shown(page.getByRole('heading', { name: '小学一年级新生', level: 1 }));
      await page.getByRole('link', { name: '登录后开始报名' }).click();
      await page.waitForURL(/\/login\?from=%2Fentries%2F[a-z2-7]{20}%2Fapply$/);
      await page.getByLabel('手机号').fill(parentPhone);
      await page.getByRole('button', { name: '获取验证码' }).click();
      await shown(page.getByRole('link', { name: '查看演示短信' }));
      await page.getByLabel('验证码').fill(await codeFromInbox(parentPhone));
      await page.getByRole('checkbox', { name: /已阅读并同意/ }).check();
      await page.getByRole('button', { name: '登录', exact: true }).click();

      // Choose the child: none yet, so add one in 我的孩子 and come back.
      await shown(page.getByRole('heading', { name: '选择报名的孩子', level: 1 }));
      await shown(page.getByText('还没有添加孩子，请先添加孩子信息。'));
      await shot(page, 'apply-01-no-child');
      await page.getByRole('link', { name: '添加孩子' }).click();
      await page.getByLabel('孩子姓名').fill(child.name);
      await page.getByLabel('证件号码').fill(child.id);
      await page.getByRole('button', { name: '添加孩子' }).click();
      await shown(page.getByText(`已添加 ${child.name}`));
      await page.goBack();
      await shown(page.getByRole('heading', { name: '选择报名的孩子', level: 1 }));
      await page.getByRole('radio', { name: new RegExp(child.name) }).check();
      await shot(page, 'apply-02-child');
      await page.getByRole('button', { name: '下一步' }).click();

      // 报名须知, then 我已阅读并同意 opens the application.
      await shown(page.getByRole('heading', { name: '报名须知', level: 1 }));
      await shown(page.getByText(/与湖南省相关权威部门进行了数据对接/));
      await shot(page, 'apply-03-declaration');
      await page.getByRole('button', { name: '我已阅读并同意' }).click();

      // Channel: 选择此通道 is inside the card, so the parent reads the definition first.
      await shown(page.getByRole('heading', { name: '选择报名通道', level: 1 }));
      const applicationId = /\/applications\/([a-z2-7]{20})\/channel$/.exec(page.url())?.[1];
      expect(applicationId).toBeTruthy();
      expect(await page.getByRole('button', { name: '选择此通道' }).first().isVisible()).toBe(false);
      const hukou = page.locator('details.channel', { hasText: '县城区常住户籍学生' });
      await hukou.locator('summary').click();
      await shown(hukou.getByText(/学生本人于2024年3月1日前取得中心城区户口/));
      await shot(page, 'apply-04-channel');
      await hukou.getByRole('button', { name: '选择此通道' }).click();

      // Form: every field saved as the parent leaves it; the server's field errors appear under the field.
      await shown(page.getByRole('heading', { name: '填写报名资料', level: 1 }));
      await shown(page.getByText('报名通道：县城区常住户籍学生'));
      await page.getByLabel('居住社区').selectOption(community);
      await page.getByLabel('详细住址').fill(form.address);
      await page.getByRole('radio', { name: '能', exact: true }).check();
      await page.getByLabel('父亲姓名').fill(form.fatherName);
      await page.getByLabel('父亲身份证号码').fill(form.fatherId);
      await page.getByLabel('母亲姓名').fill(form.motherName);
      await page.getByLabel('母亲身份证号码').fill(form.motherId.slice(0, 17) + (form.motherId.endsWith('1') ? '2' : '1'));
      await page.getByLabel('学生户口取得时间').fill('2024-05-01');
      await page.getByLabel('户籍地址').fill(form.hukouAddress);
      await leave(page);
      await shown(page.locator('#field-motherIdNumber-error'));
      await shown(page.getByText('户口取得时间须早于2024年3月1日，不符合本通道条件'));
      await shot(page, 'apply-05-form-errors');
      await page.getByLabel('母亲身份证号码').fill(form.motherId);
      await page.getByLabel('学生户口取得时间').fill('2020-05-01');
      await leave(page);
      await expect.poll(() => page.locator('.field-error').count()).toBe(0);
      await waitSaved(page);

      // Typing is saved after a pause even before the field is left.
      const saved = page.waitForResponse((r) => r.url().includes('applications.save') && r.ok());
      await page.getByLabel('户籍地址').fill(`${form.hukouAddress}（资江路）`);
      await saved;

      // The preview lists what is still missing; each 去完成 leads to the step the server names (never read from its label).
      await page.goto(app.url(`/applications/${applicationId}/preview`));
      await shown(page.getByText('两所志愿学校', { exact: true }));
      const fixLinks = await page
        .locator('.missing-list li')
        .evaluateAll((items) => items.map((li) => [li.querySelector('span')?.textContent, li.querySelector('a')?.getAttribute('href')]));
      expect(fixLinks).toEqual([
        ['两所志愿学校', `/applications/${applicationId}/schools`],
        ...hukouDocuments.map((name) => [`材料：${name}`, `/applications/${applicationId}/documents`]),
      ]);
      await page.locator('.missing-list li', { hasText: '两所志愿学校' }).getByRole('link', { name: '去完成' }).click();
      await shown(page.getByRole('heading', { name: '选择报读学校', level: 1 }));
      await page.goto(app.url(`/applications/${applicationId}/form`));

      // Nothing typed is lost on reload: the page reads the draft back; ID numbers come back masked.
      await page.reload();
      await shown(page.getByRole('heading', { name: '填写报名资料', level: 1 }));
      await expect.poll(() => page.getByLabel('详细住址').inputValue()).toBe(form.address);
      expect(await page.getByLabel('居住社区').inputValue()).toBe(community);
      expect(await page.getByLabel('学生户口取得时间').inputValue()).toBe('2020-05-01');
      expect(await page.getByLabel('户籍地址').inputValue()).toBe(`${form.hukouAddress}（资江路）`);
      expect(await page.getByRole('radio', { name: '能', exact: true }).isChecked()).toBe(true);
      await shown(page.getByText(mask(form.fatherId), { exact: true }));
      await shown(page.getByText(mask(form.motherId), { exact: true }));
      expect(await page.locator('body').innerText()).not.toContain(form.fatherId);
      await shot(page, 'apply-06-form');
      await page.getByRole('button', { name: '下一步' }).click();

      // Documents: five rows (the hukou shows the relation: no birth certificate), each a real photo, compressed.
      await shown(page.getByRole('heading', { name: '上传证明材料', level: 1 }));
      await expect.poll(() => page.locator('.doc-row .doc-name').allInnerTexts()).toEqual(hukouDocuments);
      await shown(page.getByText('您已选择“户口簿能体现亲子关系”，无需上传出生医学证明。'));
      await shot(page, 'apply-07-documents-empty');

      // The first upload over a slow uplink, so the progress bar can be seen.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 50,
        downloadThroughput: -1,
        uploadThroughput: 96 * 1024,
      });
      const first = page.locator('.doc-row').first();
      await first
        .getByLabel(`选择文件：${hukouDocuments[0]}`)
        .setInputFiles({ name: `${hukouDocuments[0]}.png`, mimeType: 'image/png', buffer: photo });
      await shown(first.getByRole('progressbar', { name: /^正在上传 \d+%$/ }));
      await first.scrollIntoViewIfNeeded();
      await shot(page, 'apply-08-uploading', false);
      await shown(first.getByText('已上传', { exact: true }));
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.detach();

      for (const name of hukouDocuments.slice(1)) await upload(page, name);
      const link = first.getByRole('link', { name: `${hukouDocuments[0]}.jpg` });
      const stored = await served(page, link);
      expect(stored.type).toBe('image/jpeg');
      expect(stored.bytes.length).toBeLessThan(photo.length / 4);
      expect(jpegSize(stored.bytes)).toEqual({ width: 1600, height: 1200 });
      await shown(first.getByText(/^\d+ KB$/));

      // 替换 swaps the file in place; 删除 asks first.
      const mother = page.locator('.doc-row').nth(4);
      await mother
        .getByLabel(`替换：${hukouDocuments[4]}.jpg`)
        .setInputFiles({ name: '母亲身份证正面.png', mimeType: 'image/png', buffer: smallPhoto });
      await shown(mother.getByRole('link', { name: '母亲身份证正面.jpg' }));
      expect(await mother.locator('.file').count()).toBe(1);
      await mother.getByRole('button', { name: '删除：母亲身份证正面.jpg' }).click();
      await shown(mother.getByText('删除“母亲身份证正面.jpg”？'));
      await shot(page, 'apply-09-documents', true);
      await mother.getByRole('button', { name: '确认删除' }).click();
      await shown(mother.getByText('未上传', { exact: true }));
      await upload(page, hukouDocuments[4]!);
      for (const card of twoSided) await upload(page, card, '反面');
      await page.getByRole('button', { name: '下一步' }).click();

      // Schools: two different schools serving the community.
      await shown(page.getByRole('heading', { name: '选择报读学校', level: 1 }));
      await shown(page.getByText(`居住社区：${community}`, { exact: false }));
      await page.getByLabel('第一志愿学校').selectOption({ label: schools[0]! });
      await page.getByLabel('第二志愿学校').selectOption({ label: schools[0]! });
      await shown(page.getByText('请选择两所不同的学校'));
      await page.getByLabel('第二志愿学校').selectOption({ label: schools[1]! });
      await waitSaved(page);
      await page.getByLabel('申请兄姐同校优先').check();
      await shown(page.getByLabel('兄姐身份证号码'));
      await shot(page, 'apply-10-schools');
      await page.getByLabel('申请兄姐同校优先').uncheck();
      await page.getByRole('button', { name: '下一步：预览' }).click();

      // Preview: everything, nothing missing; 返回修改 per section.
      await shown(page.getByRole('heading', { name: '预览报名信息', level: 1 }));
      const preview = page.locator('main');
      for (const text of [
        child.name,
        '县城区常住户籍学生',
        form.address,
        form.fatherName,
        mask(form.fatherId),
        '2020-05-01',
        schools[0]!,
        schools[1]!,
        `${hukouDocuments[2]}.jpg`,
      ]) {
        await shown(preview.getByText(text, { exact: true }).first());
      }
      expect(await page.locator('.missing').count()).toBe(0);
      expect(await page.getByRole('link', { name: /^返回修改/ }).count()).toBe(4);
      await shot(page, 'apply-11-preview');

      // 提交资料: a double tap sends once.
      const submit = page.getByRole('button', { name: '提交资料' });
      await submit.evaluate((button: HTMLButtonElement) => {
        button.click();
        button.click();
      });
      await shown(page.getByRole('heading', { name: '报名信息提交成功', level: 1 }));
      const number = await page.locator('.success-number .number').innerText();
      expect(number).toMatch(/^TA24-1-[A-HJ-NP-Z2-9]{6}$/);
      await shown(page.getByText('系统报名顺序与入学分配学校次序无关，不需扎堆在高峰期报名。'));
      await shot(page, 'apply-12-submitted');

      // 报名进度: 审核中, 还可撤回 2 次, one submission in the history.
      await page.getByRole('link', { name: '查看报名进度' }).click();
      await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
      await shown(page.locator('.status', { hasText: '审核中' }));
      await shown(page.getByText('还可撤回 2 次'));
      await expect.poll(() => page.locator('.timeline-status').allInnerTexts()).toEqual(['审核中']);
      await shot(page, 'apply-13-progress');

      // 撤回 asks first and says how many remain after this one.
      await page.getByRole('button', { name: '如需修改，请点击撤回' }).click();
      await shown(page.getByText('本次撤回后还可撤回 1 次', { exact: false }));
      await shot(page, 'apply-14-withdraw-confirm');
      await page.getByRole('button', { name: '确认撤回' }).click();
      await shown(page.locator('.status', { hasText: '已撤回' }));
      await shown(page.getByText('还可撤回 1 次'));
      await shot(page, 'apply-15-withdrawn');

      // Edit a field and go through the steps again.
      await page.getByRole('link', { name: '修改报名资料' }).click();
      await shown(page.getByRole('heading', { name: '选择报名通道', level: 1 }));
      await shown(page.getByText('当前通道：县城区常住户籍学生'));
      await page.getByRole('button', { name: '下一步' }).click();
      await shown(page.getByRole('heading', { name: '填写报名资料', level: 1 }));
      // The parent can check the ID number they typed: 显示 shows it in full, 修改 opens the input holding it.
      await page.getByRole('button', { name: '显示父亲身份证号码' }).click();
      await shown(page.getByText(form.fatherId, { exact: true }));
      await page.getByRole('button', { name: '修改父亲身份证号码' }).click();
      expect(await page.getByLabel('父亲身份证号码').inputValue()).toBe(form.fatherId);
      await page.getByLabel('详细住址').fill('桃花江镇资江路99号1栋101');
      await leave(page);
      await waitSaved(page);
      await page.getByRole('button', { name: '下一步' }).click();
      await shown(page.getByRole('heading', { name: '上传证明材料', level: 1 }));
      await page.getByRole('button', { name: '下一步' }).click();
      await shown(page.getByRole('heading', { name: '选择报读学校', level: 1 }));
      await page.getByRole('button', { name: '下一步：预览' }).click();
      await shown(page.getByRole('heading', { name: '预览报名信息', level: 1 }));
      await shown(page.getByText('桃花江镇资江路99号1栋101', { exact: true }));
      await page.getByRole('button', { name: '提交资料' }).click();
      await shown(page.getByRole('heading', { name: '报名信息提交成功', level: 1 }));
      expect(await page.locator('.success-number .number').innerText()).toBe(number);

      await page.getByRole('link', { name: '查看报名进度' }).click();
      await shown(page.locator('.status', { hasText: '审核中' }));
      await shown(page.getByText('还可撤回 1 次'));
      await expect.poll(() => page.locator('.timeline-status').allInnerTexts()).toEqual(['审核中', '已撤回', '审核中']);
      await shot(page, 'apply-16-resubmitted');

      // 修改已提交的资料: read only, with the way to withdraw.
      await page.getByRole('link', { name: '修改已提交的资料' }).click();
      await shown(page.getByRole('heading', { name: '已提交的报名资料', level: 1 }));
      await shown(page.getByRole('button', { name: '如需修改，请点击撤回' }));
      expect(await page.getByRole('link', { name: /^返回修改/ }).count()).toBe(0);

      // 报名进度 from the home page and from 个人中心.
      await page.goto(app.url('/'));
      await shown(page.getByRole('link', { name: '报名进度查看和撤回' }));
      await shot(page, 'apply-18-home-signed-in');
      await page.getByRole('link', { name: '报名进度查看和撤回' }).click();
      await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
      await shown(page.getByText(number, { exact: true }));
      await shot(page, 'apply-17-list');
      await page.goto(app.url('/me'));
      await page.getByRole('link', { name: '报名进度' }).click();
      await shown(page.locator('.application-card', { hasText: child.name }));
      expect(errors).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: 'test/e2e/artifacts/apply-failure.png', fullPage: true }).catch(() => {});
      throw new Error(`${String(error)}\nat ${page.url()}\npage errors: ${errors.join(' | ')}`);
    } finally {
      await page.close();
    }
  }, 180_000);
});

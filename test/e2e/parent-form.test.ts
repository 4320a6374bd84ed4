import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { edgeCases } from '../../src/adapters/records-dataset';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { privacyNotice } from '../../src/domain/privacy-notice';
import { residentId } from '../helpers/identity';
import { type Catalog, catalogFor } from '../helpers/journey';
import { codeFromInbox } from '../helpers/parents';
import { photoPng } from '../helpers/photo';
import { samplePdf } from '../helpers/sample-files';
import { onPhone, shot, shown } from './site';

// Refused fields (400) while the form is half filled are expected loads.
const app = onPhone('2024-07-16T09:00:00+08:00', { ignoreFailedLoads: true });

let c: Catalog;
let parent: EnrollmentClient;
let smallPhoto: Buffer;

beforeAll(async () => {
  const t = app.testHost();
  c = await catalogFor(t);
  smallPhoto = photoPng(800, 600, 2);
  const phone = '13900000091';
  await t.client.auth.requestCode.mutate({ phone });
  const { token } = await t.client.auth.signIn.mutate({
    phone,
    code: await codeFromInbox(t, phone),
    session: 'token',
    acceptedNotice: privacyNotice.version,
  });
  parent = createEnrollmentClient({ url: t.url, token: token! });
  await app.phoneContext().addCookies([{ name: 'enroll_sid', value: token!, url: t.url }]);
});

/** A grade-1 draft of a new child, its hukou channel chosen, nothing else filled in. */
async function hukouDraft(name: string, born: string, seq: string) {
  const child = await parent.children.add.mutate({ name, idType: 'resident', idNumber: residentId(born, seq) });
  const { applicationId } = await parent.applications.start.mutate({
    childId: child.id,
    entryId: c.entry('grade1').id,
    acceptDeclaration: true,
  });
  await parent.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('hukou').id });
  return applicationId;
}

const row = (page: Page, name: string) =>
  page.locator('.doc-row', { has: page.locator('.doc-name', { hasText: new RegExp(`^${name}$`) }) });

/** The id of the element that has the focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('adding a child from inside the application', () => {
  test('我的孩子 opened from the child picker leads back to it, with the child just added picked', async () => {
    await app.inTab(async (page, errors) => {
      const entry = c.entry('grade1').id;
      await page.goto(app.url(`/entries/${entry}/apply`));
      await shown(page.getByRole('heading', { name: '选择报名的孩子', level: 1 }));
      await page.getByRole('link', { name: /添加孩子|在“我的孩子”中添加/ }).click();
      await shown(page.getByRole('heading', { name: '我的孩子', level: 1 }));
      await shown(page.getByRole('link', { name: '返回报名' }));
      expect(page.url()).not.toContain('child=');
      await page.getByLabel('孩子姓名').fill('赵回来');
      await page.getByLabel('证件号码').fill(residentId('20180420', '911'));
      await page.getByRole('button', { name: '添加孩子' }).click();
      await page.waitForURL(new RegExp(`/entries/${entry}/apply\\?child=[a-z2-7]+$`));
      const card = page.locator('.choice-item', { has: page.getByText('赵回来', { exact: true }) });
      await expect.poll(() => card.getByRole('radio').isChecked()).toBe(true);
      await shown(page.getByText('已添加 赵回来'));
      await shot(page, 'parent-form-01-child-added-picked');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.waitForURL(/\/apply\/declaration\?child=/);
      expect(errors).toEqual([]);
    });
  });

  test('a return path to another site is ignored: the page stays 我的孩子 and leads back to 个人中心', async () => {
    await app.inTab(async (page) => {
      await page.goto(app.url('/me/children?return=%2F%2Fevil.example%2Fapply'));
      await shown(page.getByRole('heading', { name: '我的孩子', level: 1 }));
      expect(await page.getByRole('link', { name: '返回报名' }).count()).toBe(0);
      await page.getByLabel('孩子姓名').fill('赵留下');
      await page.getByLabel('证件号码').fill(residentId('20180421', '913'));
      await page.getByRole('button', { name: '添加孩子' }).click();
      await shown(page.getByText('已添加 赵留下'));
      expect(new URL(page.url()).host).toBe(new URL(app.url('/')).host);
      expect(new URL(page.url()).pathname).toBe('/me/children');
    });
  });

  test('what 通道预查 learned is filled in on the form, and the parent can change it', async () => {
    const family = edgeCases.hukouBeforeCutoff;
    const child = await parent.children.add.mutate({ name: family.child.name, idType: 'resident', idNumber: family.child.idNumber });
    const { applicationId } = await parent.applications.start.mutate({
      childId: child.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    });
    await app.inTab(async (page) => {
      await page.goto(app.url(`/applications/${applicationId}/channel`));
      const panel = page.locator('section.precheck');
      await panel.getByLabel('父亲或母亲本人身份证号码').fill(family.father.idNumber);
      await panel.getByRole('button', { name: '查询' }).click();
      await shown(panel.getByText('迎宾社区，登记于 2024-02-29'));
      const card = page.locator('details.channel', {
        has: page.locator('.channel-name', { hasText: new RegExp(`^${c.channel('hukou').name}$`) }),
      });
      await card.locator('summary').click();
      await card.getByRole('button', { name: '选择此通道' }).click();
      await shown(page.getByRole('heading', { name: '填写报名资料', level: 1 }));
      await shown(page.getByText(/已按通道预查填入.*父亲身份证号码.*请核对/));
      await expect.poll(() => page.getByLabel('学生户口取得时间').inputValue()).toBe('2024-02-29');
      expect(await page.getByLabel('居住社区').inputValue()).toBe('迎宾社区');
      // Saved through the ordinary draft save: the server holds them, the number sealed.
      await expect.poll(async () => (await parent.applications.get.query({ applicationId })).form.hukouRegisteredOn).toBe('2024-02-29');
      const saved = await parent.applications.get.query({ applicationId });
      expect(saved.form.community).toBe('迎宾社区');
      expect(saved.form.fatherIdNumber).toBe(`${family.father.idNumber.slice(0, 6)}********${family.father.idNumber.slice(14)}`);
      expect(page.url()).not.toContain(family.father.idNumber);
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(
        family.father.idNumber,
      );
      await shot(page, 'parent-form-02-precheck-prefilled');
      // The parent changes a prefilled value like any other.
      await page.getByLabel('学生户口取得时间').fill('2024-02-28');
      await page.locator('h1').click();
      await expect.poll(async () => (await parent.applications.get.query({ applicationId })).form.hukouRegisteredOn).toBe('2024-02-28');
    });
  });
});

describe('documents', () => {
  test('each row says the size limit, shows a sample on request, pictures of the uploads, and ID cards have 正面 and 反面', async () => {
    const applicationId = await hukouDraft('钱材料', '20180501', '921');
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${applicationId}/documents`));
      await shown(page.getByRole('heading', { name: '上传证明材料', level: 1 }));
      const hukou = row(page, '学生本人户口簿页');
      await shown(hukou.getByText('每个文件不超过8MB'));

      // A sample drawing, loaded only when asked for.
      expect(await page.getByRole('img', { name: '学生本人户口簿页示例' }).count()).toBe(0);
      await hukou.getByRole('button', { name: '查看示例：学生本人户口簿页' }).click();
      await shown(hukou.getByRole('img', { name: '学生本人户口簿页示例' }));

      // A PDF shows as a PDF mark; a photo as the picture itself, served to its owner.
      await hukou
        .getByLabel('选择文件：学生本人户口簿页')
        .setInputFiles({ name: '户口.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf) });
      await shown(hukou.getByRole('link', { name: '户口.pdf' }));
      await shown(hukou.locator('.file-link svg.file-thumb-pdf'));

      const father = row(page, '父亲身份证');
      await shown(father.getByText('正面', { exact: true }));
      await shown(father.getByText('反面', { exact: true }));
      await father.getByLabel('选择文件：父亲身份证正面').setInputFiles({ name: '正面.png', mimeType: 'image/png', buffer: smallPhoto });
      await shown(father.getByRole('link', { name: '正面.jpg' }));
      await shown(father.getByText('缺反面', { exact: true }));
      const thumb = father.locator('.file-link img.file-thumb');
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await father.getByLabel('选择文件：父亲身份证反面').setInputFiles({ name: '反面.png', mimeType: 'image/png', buffer: smallPhoto });
      await shown(father.getByRole('link', { name: '反面.jpg' }));
      await shown(father.getByText('已上传', { exact: true }));
      const sides = (await parent.applications.get.query({ applicationId })).documents
        .filter((d) => d.kind === 'father-id-card')
        .map((d) => d.side)
        .sort();
      expect(sides).toEqual(['back', 'front']);
      await shot(page, 'parent-form-03-documents');
      expect(errors).toEqual([]);
    });
  });
});

describe('checklist honesty', () => {
  test('the stepper marks only complete steps; 下一步 says what is missing, with 仍然继续', async () => {
    const applicationId = await hukouDraft('孙清单', '20180502', '931');
    await app.inTab(async (page) => {
      await page.goto(app.url(`/applications/${applicationId}/documents`));
      await shown(page.getByRole('heading', { name: '上传证明材料', level: 1 }));
      const tabs = page.locator('nav.steps');
      await shown(tabs.getByRole('link', { name: /报名通道.*已完成/ }));
      // Passed but not filled in: 填写资料 is not done.
      expect(await tabs.getByRole('link', { name: /填写资料.*已完成/ }).count()).toBe(0);

      await page.goto(app.url(`/applications/${applicationId}/form`));
      await shown(page.getByRole('heading', { name: '填写报名资料', level: 1 }));
      await page.getByRole('button', { name: '下一步' }).click();
      const notice = page.getByRole('alert').filter({ hasText: '这一步还有未完成的内容' });
      await shown(notice);
      await shown(notice.getByText('居住社区', { exact: true }));
      expect(new URL(page.url()).pathname).toBe(`/applications/${applicationId}/form`);
      await shot(page, 'parent-form-04-next-incomplete');
      await notice.locator('li', { hasText: '详细住址' }).getByRole('button', { name: '去完成' }).click();
      await expect.poll(() => focused(page)).toBe('field-address');
      await notice.getByRole('button', { name: '仍然继续' }).click();
      await shown(page.getByRole('heading', { name: '上传证明材料', level: 1 }));
    });
  });

  test('去完成 on the preview opens the step with the missing field or document focused', async () => {
    const applicationId = await hukouDraft('周去完成', '20180503', '941');
    await app.inTab(async (page) => {
      await page.goto(app.url(`/applications/${applicationId}/preview`));
      const missing = page.locator('.missing-list li');
      await missing
        .filter({ hasText: /^材料：母亲身份证/ })
        .getByRole('link', { name: '去完成' })
        .click();
      await shown(page.getByRole('heading', { name: '上传证明材料', level: 1 }));
      await expect.poll(() => focused(page)).toBe('doc-mother-id-card');
      expect(await page.locator('#doc-mother-id-card').evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);

      await page.goto(app.url(`/applications/${applicationId}/preview`));
      await missing
        .filter({ hasText: /^户籍地址/ })
        .getByRole('link', { name: '去完成' })
        .click();
      await shown(page.getByRole('heading', { name: '填写报名资料', level: 1 }));
      await expect.poll(() => focused(page)).toBe('field-hukouAddress');
    });
  });
});

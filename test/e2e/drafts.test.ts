import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { privacyNotice } from '../../src/domain/privacy-notice';
import { residentId } from '../helpers/identity';
import { codeFromInbox } from '../helpers/parents';
import { uploadSample } from '../helpers/upload';
import { onPhone, shot, shown } from './site';

// The browser's own report of an API 409 (a start refused by a draft, as the test means it) is expected.
const app = onPhone('2024-07-16T09:00:00+08:00', { ignoreFailedLoads: true });

let parent: EnrollmentClient;
let token: string;
let grade1: string;
let transfer: string;

/** A child of the parent, with a draft in `entryId` (grade 2 for a transfer) and, in grade 1, one uploaded file if asked. */
async function childWithDraft(name: string, born: string, seq: string, entryId: string, withFile = false) {
  const child = await parent.children.add.mutate({ name, idType: 'resident', idNumber: residentId(born, seq) });
  const { applicationId } = await parent.applications.start.mutate({
    childId: child.id,
    entryId,
    grade: entryId === transfer ? 2 : undefined,
    acceptDeclaration: true,
  });
  if (withFile) {
    const { tracks } = await parent.catalog.channels.query({ entryId });
    const hukou = tracks[0]!.channels.find((c) => c.code === 'hukou')!;
    await parent.applications.chooseChannel.mutate({ applicationId, channelId: hukou.id });
    await uploadSample({ url: app.site().url }, token, applicationId, 'student-hukou');
  }
  const { number } = await parent.applications.get.query({ applicationId });
  return { child, applicationId, number };
}

beforeAll(async () => {
  const phone = '13900000081';
  const anonymous = createEnrollmentClient({ url: app.site().url });
  await anonymous.auth.requestCode.mutate({ phone });
  const signedIn = await anonymous.auth.signIn.mutate({
    phone,
    code: await codeFromInbox({ client: anonymous }, phone),
    session: 'token',
    acceptedNotice: privacyNotice.version,
  });
  token = signedIn.token!;
  parent = createEnrollmentClient({ url: app.site().url, token });
  const [region] = await anonymous.catalog.regions.query();
  const { entries } = await anonymous.catalog.region.query({ regionId: region!.id });
  grade1 = entries.find((e) => e.code === 'grade1')!.id;
  transfer = entries.find((e) => e.code === 'transfer')!.id;
  await app.phoneContext().addCookies([{ name: 'enroll_sid', value: token, url: app.site().url }]);
});

const card = (page: Page, name: string) => page.locator('.choice-item', { has: page.getByText(name, { exact: true }) });

describe('a parent whose child is in the wrong entry, or cannot apply', () => {
  test('sees on each child card, before 报名须知, whether the child can apply here, and cannot pick one that cannot', async () => {
    await parent.children.add.mutate({ name: '周合适', idType: 'resident', idNumber: residentId('20180311', '811') });
    await parent.children.add.mutate({ name: '周太小', idType: 'resident', idNumber: residentId('20180905', '812') });
    await childWithDraft('周错报', '20180310', '813', transfer);
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/entries/${grade1}/apply`));
      await shown(page.getByRole('heading', { name: '选择报名的孩子', level: 1 }));
      const young = card(page, '周太小');
      await shown(young.getByText('报读一年级须在2024年8月31日前年满6周岁（2018年8月31日及以前出生）'));
      expect(await young.getByRole('radio').isDisabled()).toBe(true);
      const wrong = card(page, '周错报');
      await shown(wrong.getByText(/已在「插班生转学」填写了未提交的报名草稿.*删除该草稿后才能在本入口报名/));
      expect(await wrong.getByRole('radio').isDisabled()).toBe(true);
      expect(await card(page, '周合适').getByRole('radio').isDisabled()).toBe(false);
      await shot(page, 'drafts-choose-child-fit');
      await card(page, '周合适').getByRole('radio').check();
      await page.getByRole('button', { name: '下一步' }).click();
      await page.waitForURL(/\/apply\/declaration\?child=/);
      expect(errors).toEqual([]);
    });
  });

  test('deletes the draft in the wrong entry from the child picker, after saying what goes, then applies in the right one', async () => {
    await childWithDraft('周改报', '20180314', '814', transfer);
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/entries/${grade1}/apply`));
      const wrong = card(page, '周改报');
      await shown(wrong);
      await wrong.getByRole('button', { name: '删除草稿' }).click();
      const confirm = wrong.getByRole('alertdialog');
      await shown(confirm.getByText(/删除「插班生转学」的报名草稿（编号TA24-Z-[A-Z2-9]{6}）吗？/));
      await shown(confirm.getByText('草稿中填写的资料和已上传的材料将一并删除，不能恢复。删除后可以在正确的报名入口重新报名。'));
      await shot(page, 'drafts-discard-confirm');
      await confirm.getByRole('button', { name: '确认删除' }).click();
      await expect.poll(() => wrong.getByRole('radio').isDisabled()).toBe(false);
      await wrong.getByRole('radio').check();
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '我已阅读并同意' }).click();
      await page.waitForURL(/\/applications\/[a-z2-7]+\/channel$/);
      expect(errors).toEqual([]);
    });
    const mine = (await parent.applications.list.query()).filter((a) => a.childName === '周改报');
    expect(mine.map((a) => a.entryName)).toEqual(['小学一年级新生']);
  });

  test('deletes a draft from 报名进度 (我的报名), and from the refusal when 报名须知 was reached anyway', async () => {
    const listed = await childWithDraft('周列表', '20180316', '815', transfer);
    const raced = await childWithDraft('周竞态', '20180317', '816', transfer);
    await app.inTab(async (page, errors) => {
      await page.goto(app.url('/applications'));
      const item = page.locator('li', { has: page.getByText('周列表', { exact: true }) });
      await shown(item);
      await item.getByRole('button', { name: '删除草稿' }).click();
      await shown(item.getByText(`删除「插班生转学」的报名草稿（编号${listed.number}）吗？`));
      await item.getByRole('button', { name: '确认删除' }).click();
      await expect.poll(() => page.getByText('周列表', { exact: true }).count()).toBe(0);

      await page.goto(app.url(`/entries/${grade1}/apply/declaration?child=${raced.child.id}`));
      await page.getByRole('button', { name: '我已阅读并同意' }).click();
      await shown(page.getByText(`周竞态本招生季已有报名（编号${raced.number}），每个孩子只能报名一次`));
      await page.getByRole('button', { name: '删除草稿' }).click();
      await page.getByRole('button', { name: '确认删除' }).click();
      await expect.poll(() => page.getByText(/已有报名/).count()).toBe(0);
      await page.getByRole('button', { name: '我已阅读并同意' }).click();
      await page.waitForURL(/\/applications\/[a-z2-7]+\/channel$/);
      expect(errors).toEqual([]);
    });
    const names = (await parent.applications.list.query()).map((a) => `${a.childName} ${a.entryName}`);
    expect(names).not.toContain('周列表 插班生转学');
    expect(names).toContain('周竞态 小学一年级新生');
  });

  test('is told, before removing a child, which drafts and uploaded files go with it', async () => {
    const { number } = await childWithDraft('周解绑', '20180318', '817', grade1, true);
    await app.inTab(async (page, errors) => {
      await page.goto(app.url('/me/children'));
      const item = page.locator('li.child', { has: page.getByRole('heading', { name: '周解绑' }) });
      await shown(item);
      await item.getByRole('button', { name: '删除', exact: true }).click();
      await shown(item.getByText('以下报名及其材料将一并删除，不能恢复：'));
      await shown(item.getByText(`「小学一年级新生」报名草稿（编号${number}），已上传材料1份`));
      await shot(page, 'drafts-remove-child-warning');
      await item.getByRole('button', { name: '确认删除' }).click();
      await expect.poll(() => page.getByRole('heading', { name: '周解绑' }).count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });
});

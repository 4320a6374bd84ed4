import { describe, expect, test } from 'vitest';
import { residentId } from '../helpers/identity';
import { readyToSubmit, catalogFor } from '../helpers/journey';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

describe('an administrator extends the open grade-1 window', () => {
  test('on the desk, from 报名时间; the family with an unfinished application is told, and the parents’ pages show the new close', async () => {
    const { client: parent } = await app.signInOnPhone('13600000011');
    const [region] = await parent.catalog.regions.query();
    const { entries } = await parent.catalog.region.query({ regionId: region!.id });
    const grade1 = entries.find((e) => e.code === 'grade1')!;
    const child = await parent.children.add.mutate({ name: '孙草稿', idType: 'resident', idNumber: residentId('20180307', '105') });
    await parent.applications.start.mutate({ childId: child.id, entryId: grade1.id, acceptDeclaration: true });

    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fwindows'));
      await signInOnDesk(page);
      await shown(page.getByRole('heading', { name: '报名时间', level: 1 }));
      const row = page.getByRole('row', { name: /小学一年级新生/ }).filter({ hasText: '桃花江镇' });
      await shown(row.getByText('进行中'));
      await row.getByRole('button', { name: '修改' }).click();
      expect(await page.getByLabel('开始时间', { exact: true }).isDisabled()).toBe(true);
      await page.getByLabel('截止时间', { exact: true }).fill('2024-07-20T09:00');
      await page.getByRole('button', { name: '保存' }).click();
      await shown(page.getByRole('alert').filter({ hasText: '截止时间不能早于当前时间' }));
      await page.getByLabel('截止时间', { exact: true }).fill('2024-07-28T00:00');
      await shown(page.getByText('即报名截止于 2024-07-27 24:00（北京时间）'));
      await page.getByRole('button', { name: '保存' }).click();
      await shown(page.getByRole('status').filter({ hasText: '「小学一年级新生」报名时间已保存，已通知 1 户有未提交报名的家庭。' }));
      await shown(row.getByText('2024-07-27 24:00'));
      await shot(page, 'windows-admin-extended');
      await expectAccessible(page, '报名时间');

      // When the county's review is to end: the family of a submitted application reads it on 报名进度.
      await row.getByRole('button', { name: '修改' }).click();
      await page.getByLabel('网上初审结束时间（不填则不公布）').fill('2024-08-05T00:00');
      await page.getByRole('button', { name: '保存' }).click();
      await shown(page.getByRole('status').filter({ hasText: '「小学一年级新生」报名时间已保存。' }));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }

    const { applicationId, version } = await readyToSubmit(app.testHost(), parent, await catalogFor(app.testHost()), '20180309', '109');
    await parent.applications.submit.mutate({ applicationId, version });
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${applicationId}/progress`));
      await shown(page.getByText(/预计8月4日24时前完成。/));
      await page.goto(app.url('/me/messages'));
      await shown(page.getByText('报名时间已延长').first());
      await page.goto(app.url(`/entries/${grade1.id}`));
      await shown(page.getByText(/2024-07-27 24:00/).first());
      expect(errors).toEqual([]);
    });
  });
});

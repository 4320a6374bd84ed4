import { describe, expect, test } from 'vitest';
import { catalogFor, readyToSubmit } from '../helpers/journey';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-16T09:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

describe('an administrator moves a channel’s cut-off date', () => {
  test('on 报名通道 the preview, the parents’ own card, follows the unsaved date; once saved, parents read it and reviewers are told', async () => {
    const { client: family } = await app.signInOnPhone('13600000021');
    const { applicationId, version } = await readyToSubmit(app.testHost(), family, await catalogFor(app.testHost()), '20180310', '111');
    await family.applications.submit.mutate({ applicationId, version });

    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fchannels'));
      await signInOnDesk(page);
      await shown(page.getByRole('heading', { name: '报名通道', level: 1 }));
      const grade1 = page.getByRole('region', { name: '小学一年级新生' });
      const row = grade1.getByRole('row', { name: /县城区常住户籍学生/ });
      await shown(row.getByText('启用'));
      await row.getByRole('button', { name: '编辑' }).click();

      const preview = grade1.getByRole('region', { name: '预览（家长看到的样子）' });
      await shown(preview.getByText('须在 2024-03-01 之前取得'));
      await shown(preview.getByText('学生本人户口簿页'));
      // The documents editor feeds the same card.
      await grade1.getByRole('group', { name: '材料 1' }).getByLabel('材料名称').fill('学生本人户口簿首页');
      await shown(preview.getByText('学生本人户口簿首页'));
      const cutOff = grade1.getByLabel('截止日期（记录须早于此日）');
      expect(await cutOff.inputValue()).toBe('2024-03-01');
      await cutOff.fill('2024-03-15');
      await shown(preview.getByText('须在 2024-03-15 之前取得'));
      expect(await preview.getByText('须在 2024-03-01 之前取得').count()).toBe(0);
      await shot(page, 'channels-admin-preview');
      await expectAccessible(page, '报名通道');

      await grade1.getByRole('button', { name: '保存' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已保存「县城区常住户籍学生」，已对 1 份在审报名重新进行系统核验' }));

      // The submitted application's reviewer reads what changed beside the checks that ran again.
      await page.goto(app.url(`/staff/applications/${applicationId}`));
      await shown(page.getByText('审核条件已调整：截止日期 2024-03-01 → 2024-03-15，系统核验已重新进行'));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }

    const parent = app.testHost().client;
    const [region] = await parent.catalog.regions.query();
    const { entries } = await parent.catalog.region.query({ regionId: region!.id });
    const grade1Id = entries.find((e) => e.code === 'grade1')!.id;
    await app.inTab(async (tab, errors) => {
      await tab.goto(app.url(`/entries/${grade1Id}`));
      await tab.getByText('县城区常住户籍学生').first().click();
      await shown(tab.getByText('须在 2024-03-15 之前取得').first());
      await shown(tab.getByText('学生本人户口簿首页').first());
      expect(errors).toEqual([]);
    });
  });
});

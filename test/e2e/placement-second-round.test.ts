import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { placements } from '../../db/schema';
import type { ManualClock } from '../../src/adapters/clock';
import { catalogFor } from '../helpers/journey';
import { drawRoundOne } from '../helpers/round-one';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });
const phoneOf = (i: number) => `1370000090${i}`;

describe('第二轮派位', () => {
  test('a family gives up its seat and asks for round 2; after the deadline an administrator runs it and publishes it; the family sees its round-2 result', async () => {
    const host = app.testHost();
    const { db } = app.site().host.deps;
    const clock = host.clock as ManualClock;
    const c = await catalogFor(host);
    const { admin, drawId, applicationIds: ids } = await drawRoundOne(host, c, '1370000090');
    const drawn = { id: drawId };
    await admin.admin.placement.publishResults.mutate({ drawId: drawn.id });
    const [holder] = await db
      .select()
      .from(placements)
      .where(and(eq(placements.drawId, drawn.id), eq(placements.schoolId, c.primary[0]!.id)));
    const holderPhone = phoneOf(ids.indexOf(holder!.applicationId));

    const phone = await app.openTab();
    const desk = await app.openTab('desktop');
    try {
      // The family that drew 甲 gives it up and asks for the second round.
      await app.signInOnPhone(holderPhone);
      await phone.page.goto(app.url(`/applications/${holder!.applicationId}/progress`));
      const result = phone.page.getByRole('region', { name: '录取结果' });
      await shown(result.getByText(/逾期未确认的学位（视为放弃）/));
      await result.getByRole('button', { name: '放弃学位' }).click();
      await result.getByRole('checkbox', { name: /同时申请参加第二轮派位/ }).check();
      await expectAccessible(phone.page, '放弃学位并申请第二轮派位');
      await result.getByRole('button', { name: '确认放弃该学位（不能撤回）' }).click();
      await shown(result.getByText(/您已申请参加第二轮派位/));

      // After the deadline an administrator runs 第二轮派位 (asked twice) and publishes it.
      clock.set('2024-08-27T09:00:01+08:00');
      const { page } = desk;
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fplacement'));
      await signInOnDesk(page);
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2024年秋季' });
      const section = page.getByRole('region', { name: '正式派位' });
      await section.getByRole('button', { name: '第二轮派位' }).click();
      await section.getByRole('button', { name: '确认对「小学一年级新生·一年级」进行第二轮派位（不可重做）' }).click();
      await shown(page.getByRole('status').filter({ hasText: '「小学一年级新生·一年级」已进行第二轮派位：共 3 人参加，仍未录取 1 人' }));
      const roundTwo = section.getByRole('row', { name: /第二轮/ });
      await roundTwo.getByRole('button', { name: '公布结果' }).click();
      await roundTwo.getByRole('button', { name: '确认公布并通知全部家庭' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已向 3 户家庭发送' }));
      await expect.poll(() => section.getByRole('button', { name: '第二轮派位' }).count()).toBe(0);
      // 统筹安排 now lists who round 2 left unplaced: one child.
      await page.reload();
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2024年秋季' });
      const unplaced = page.getByRole('region', { name: '统筹安排' });
      await shown(unplaced.getByRole('row', { name: /（第二轮后）/ }));
      expect(await unplaced.getByRole('row').count()).toBe(2);
      await expectAccessible(page, '第二轮派位');
      await shot(page, 'placement-second-round-desk');

      // The family sees where round 2 placed it: its other choice (it drew the best lottery number).
      await app.signInOnPhone(holderPhone);
      await phone.page.goto(app.url(`/applications/${holder!.applicationId}/progress`));
      await shown(result.getByText('第二轮派位结果'));
      await shown(result.getByText(`录取学校：${c.primary[1]!.name}`));
      await shown(result.getByRole('button', { name: '确认入学' }));
      await expectAccessible(phone.page, '第二轮派位结果');
      await shot(phone.page, 'placement-second-round-result');

      // The public page lists round 2 with its own files.
      await phone.page.goto(app.url(`/regions/${c.region.id}/placement`));
      const listed = phone.page.getByRole('listitem').filter({ hasText: '第二轮派位' }).filter({ hasText: '结果文件' });
      await shown(listed);
      expect(await listed.getByRole('link', { name: '输入文件' }).getAttribute('href')).toMatch(
        /^\/api\/placement\/draws\/\w+\/inputs\.json$/,
      );
      expect(desk.errors).toEqual([]);
      expect(phone.errors).toEqual([]);
    } finally {
      await desk.page.close();
      await phone.page.close();
    }
  });
});

import { describe, expect, test } from 'vitest';
import { seedCatalog } from '../../db/seed';
import { signInStaff } from '../helpers/staff';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the staff pages ask who is signed in and get a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

describe('区域管理 on the staff desk', () => {
  test('an administrator creates a town, edits its address after a conflict, moves it first; parents see each office next to its phone', async () => {
    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff'));
      await signInOnDesk(page);
      await page.getByRole('link', { name: '区域管理' }).click();
      await shown(page.getByRole('heading', { name: '区域管理', level: 1 }));

      const create = page.getByRole('region', { name: '新建区域' });
      await create.getByLabel('区域代码').fill('xiushan');
      await create.getByLabel('区域名称').fill('修山镇');
      await create.getByLabel('咨询电话').fill('12345');
      await create.getByRole('button', { name: '新建区域' }).click();
      await shown(create.getByText('咨询电话格式不正确（如 0737-8822011 或 13812345678）'));
      await create.getByLabel('咨询电话').fill('0737-8822099');
      await create.getByLabel('办公地址').fill('桃江县修山镇老街1号');
      await create.getByRole('button', { name: '新建区域' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已创建区域「修山镇」' }));
      await shown(page.getByRole('cell', { name: '桃江县修山镇老街1号' }));

      // Someone else saves the town while this administrator edits it: the save is refused, 重新载入 shows theirs.
      await page.getByRole('button', { name: '编辑 修山镇' }).click();
      const edit = page.getByRole('region', { name: '编辑区域「修山镇」' });
      const other = await signInStaff(app.testHost(), 'admin');
      const town = (await other.admin.regions.list.query()).find((r) => r.code === 'xiushan')!;
      await other.admin.regions.update.mutate({
        regionId: town.id,
        version: town.version,
        name: '修山镇',
        contactPhone: '0737-8822099',
        address: '别人改的地址',
      });
      await edit.getByLabel('办公地址').fill('桃江县修山镇新街8号');
      await edit.getByRole('button', { name: '保存' }).click();
      await shown(edit.getByText('该区域已被他人修改，请刷新后再试'));
      await expectAccessible(page, '区域管理: a conflict');
      await edit.getByRole('button', { name: '重新载入' }).click();
      await expect
        .poll(() => page.getByRole('region', { name: '编辑区域「修山镇」' }).getByLabel('办公地址').inputValue())
        .toBe('别人改的地址');
      await page.getByRole('region', { name: '编辑区域「修山镇」' }).getByLabel('办公地址').fill('桃江县修山镇新街8号');
      await page.getByRole('region', { name: '编辑区域「修山镇」' }).getByRole('button', { name: '保存' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已保存区域「修山镇」' }));
      await shown(page.getByRole('cell', { name: '桃江县修山镇新街8号' }));

      // The demo's two towns are above it: two moves up make it first.
      for (const _ of [1, 2]) {
        await page.getByRole('button', { name: '上移 修山镇' }).click();
        await shown(page.getByRole('status').filter({ hasText: '已调整顺序' }));
      }
      await expect.poll(() => page.locator('.staff-table tbody tr').first().textContent()).toContain('修山镇');
      // The seeded town gets its office address too: its policy pages' contact line names it.
      await page.getByRole('button', { name: '编辑 桃花江镇' }).click();
      const seeded = page.getByRole('region', { name: '编辑区域「桃花江镇」' });
      await seeded.getByLabel('办公地址').fill('桃江县桃花江镇教育路1号');
      await seeded.getByRole('button', { name: '保存' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已保存区域「桃花江镇」' }));
      await shot(page, 'staff-regions');
      await expectAccessible(page, '区域管理');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }

    await app.inTab(async (phone, errors) => {
      await phone.goto(app.url('/towns'));
      await shown(phone.getByRole('link', { name: /修山镇/ }));
      const footer = phone.locator('.site-footer');
      await shown(footer.getByText('办公地址：桃江县修山镇新街8号'));
      await shown(footer.getByRole('link', { name: '0737-8822099' }));

      const seededId = (await signInStaff(app.testHost(), 'admin').then((c) => c.admin.regions.list.query())).find(
        (r) => r.code === 'taohuajiang',
      )!.id;
      // The seed runs again at every start of the host: what the administrator changed stays.
      await seedCatalog(app.site().host.deps.db);
      await phone.goto(app.url(`/regions/${seededId}/pages/faq`));
      const contactLine = phone.locator('article .contact-line');
      await shown(contactLine.getByRole('link', { name: '0737-8822011' }));
      await shown(contactLine.getByText('办公地址：桃江县桃花江镇教育路1号'));
      expect(errors).toEqual([]);
    });
  });
});

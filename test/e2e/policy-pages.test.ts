import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoStaff } from '../../db/seed/demo-staff';
import { signInStaff } from '../helpers/staff';
import { expectAccessible } from './axe';
import { onPhone, shown } from './site';

// Before sign-in the staff pages ask who is signed in and get a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

const adminPassword = demoStaff.find((s) => s.username === 'admin')!.password;
const body = [
  '## 报名前要准备什么？',
  '',
  '- 户口簿',
  '- 房产证明',
  '',
  '详见[桃江县教育局](https://jyj.example.cn)。<script>window.pwned = 1</script>',
].join('\n');

/** Opens the editor at `path`, signing the administrator in when the desktop browser is not signed in yet. */
async function openEditor(page: Page, path: string) {
  await page.goto(app.url(path));
  const username = page.getByLabel('用户名');
  const editor = page.getByRole('heading', { name: '政策页面', level: 1 });
  await Promise.race([shown(username), shown(editor)]);
  if (await username.isVisible()) {
    await username.fill('admin');
    await page.getByLabel('密码').fill(adminPassword);
    await page.getByLabel('密码').press('Enter');
  }
  await shown(editor);
}

describe('policy pages: an administrator edits 常见问题 and parents read it', () => {
  test('the editor previews the Markdown as parents will see it, saves it, and the phone shows it rendered with the script as text', async () => {
    const { page: desk, errors: deskErrors } = await app.openTab('desktop');
    try {
      await openEditor(desk, '/staff/admin/pages');
      await desk.getByRole('button', { name: '常见问题', exact: true }).click();
      await shown(desk.getByRole('heading', { name: '常见问题', level: 2 }));

      await desk.getByLabel('正文（Markdown）').fill(body);
      const preview = desk.getByRole('region', { name: '预览（家长看到的样子）' });
      await shown(preview.getByRole('heading', { name: '报名前要准备什么？', level: 2 }));
      await expect.poll(() => preview.getByRole('listitem').allTextContents()).toEqual(['户口簿', '房产证明']);
      expect(await preview.getByRole('link', { name: '桃江县教育局' }).getAttribute('href')).toBe('https://jyj.example.cn');
      await shown(preview.getByText('<script>window.pwned = 1</script>'));
      await expectAccessible(desk, 'the policy pages editor with a preview');

      await desk.getByRole('button', { name: '保存', exact: true }).click();
      await shown(desk.getByRole('status').filter({ hasText: '已保存“常见问题”' }));
      expect(deskErrors).toEqual([]);
    } finally {
      await desk.close();
    }

    await app.inTab(async (phone, errors) => {
      const regionId = (await app.testHost().client.catalog.regions.query())[0]!.id;
      await phone.goto(app.url(`/regions/${regionId}/pages/faq`));
      await shown(phone.getByRole('heading', { name: '常见问题', level: 1 }));
      const article = phone.getByRole('article');
      await shown(article.getByRole('heading', { name: '报名前要准备什么？', level: 2 }));
      expect(await article.getByRole('listitem').allTextContents()).toEqual(['户口簿', '房产证明']);
      const link = article.getByRole('link', { name: '桃江县教育局' });
      expect(await link.getAttribute('href')).toBe('https://jyj.example.cn');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      await shown(article.getByText('<script>window.pwned = 1</script>'));
      expect(await article.locator('script').count()).toBe(0);
      expect(await phone.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      await expectAccessible(phone, 'the 常见问题 page as the administrator saved it');
      expect(errors).toEqual([]);
    });
  });

  test('a save after another administrator’s says so in Chinese and reloads their text on request', async () => {
    const { page: desk, errors } = await app.openTab('desktop');
    try {
      await openEditor(desk, '/staff/admin/pages?page=manual');
      await shown(desk.getByRole('heading', { name: '家长操作手册', level: 2 }));

      const other = await signInStaff(app.testHost(), 'admin');
      const manual = (await other.admin.pages.query())[0]!.pages.find((p) => p.slug === 'manual')!;
      await other.admin.updatePage.mutate({ pageId: manual.id, version: manual.version, title: manual.title, body: '另一位管理员的版本' });

      await desk.getByLabel('正文（Markdown）').fill('我的版本');
      await desk.getByRole('button', { name: '保存', exact: true }).click();
      await shown(desk.getByRole('alert').filter({ hasText: '该页面已被他人修改，请重新载入后再编辑' }));
      await desk.getByRole('button', { name: '重新载入最新内容' }).click();
      await expect.poll(() => desk.getByLabel('正文（Markdown）').inputValue()).toBe('另一位管理员的版本');
      await shown(desk.getByRole('region', { name: '预览（家长看到的样子）' }).getByText('另一位管理员的版本'));
      expect(await desk.getByRole('alert').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

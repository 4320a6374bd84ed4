import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { onPhone, shown } from './site';

// The tab that never runs the app reports its refused script as a failed load, as the test means it.
const app = onPhone('2024-07-16T09:00:00+08:00', { ignoreFailedLoads: true });

/** Every element of the home page's first screen with its text and place, as the phone lays it out. */
const firstScreen = (page: Page) =>
  page.evaluate(() => {
    const parts = ['.topbar', '.topbar .brand', '.topbar-actions', '.topbar-link', '.hero', '.hero *', '.notice', '.notice *'];
    const entries = document.querySelector('main .section');
    const elements = [
      ...parts.flatMap((selector) => [...document.querySelectorAll(selector)]),
      ...(entries ? [entries, ...entries.querySelectorAll('*')] : []),
    ];
    return elements.map((e) => {
      const box = e.getBoundingClientRect();
      const place = [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 10) / 10).join(',');
      return `${e.tagName.toLowerCase()}.${[...e.classList].filter((c) => c !== 'inactive' && c !== 'active').join('.')} ${place} ${e.textContent ?? ''}`;
    });
  });

describe('the home page on a slow phone', () => {
  test('paints its first screen from the HTML alone, exactly where and as the app then renders it', async () => {
    const painted = await app.inTab(async (page) => {
      await page.route('**/assets/*.js', (route) => route.abort());
      await page.goto(app.url('/'));
      await shown(page.locator('.entry-card').first());
      expect(await page.locator('.site-footer').count()).toBe(0);
      return firstScreen(page);
    });
    const rendered = await app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      await shown(page.locator('.site-footer'));
      await shown(page.getByRole('link', { name: '登录' }));
      expect(errors).toEqual([]);
      return firstScreen(page);
    });
    expect(painted.length).toBeGreaterThan(20);
    expect(painted.join('\n')).toContain('适用于今年秋季上小学一年级的孩子');
    const heldPlaces = (line: string) =>
      line
        .replace(/^a\.topbar-link (\S+) 登录$/, 'span.topbar-link.topbar-pending $1 登录')
        .replace(
          /^button\.topbar-link\.large-text-switch (\S+) 长辈模式$/,
          'span.topbar-link.large-text-switch.topbar-pending $1 长辈模式',
        );
    expect(painted).toEqual(rendered.map(heldPlaces));
  });
});

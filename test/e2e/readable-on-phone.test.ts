import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { expectAccessible } from './axe';
import { overflow, smallTargets, textSizes } from './measure';
import { onPhone, shown } from './site';

// Signed out, the pages ask who is signed in and get a 401; the browser logs that failed load.
const app = onPhone('2024-07-16T09:00:00+08:00', { ignoreFailedLoads: true });

const parentPhone = '13900000121';
let c: Catalog;
let parent: EnrollmentClient;
/** Complete, not submitted: every step shows what was filled in. */
let draftId: string;
/** Submitted: 报名进度 with 撤回. */
let submittedId: string;

beforeAll(async () => {
  const t = app.testHost();
  c = await catalogFor(t);
  ({ client: parent } = await app.signInOnPhone(parentPhone));
  ({ applicationId: draftId } = await readyToSubmit(t, parent, c, '20180315', '121'));
  const other = await readyToSubmit(t, parent, c, '20180420', '122');
  submittedId = other.applicationId;
  await parent.applications.submit.mutate({ applicationId: submittedId, version: other.version });
});

const h1 = (page: Page, name: string | RegExp) => shown(page.getByRole('heading', { name, level: 1 }));

/** The parents' pages a parent spends time on, each opened and waited for. The phone is signed in. */
function parentPages(): [string, (page: Page) => Promise<void>][] {
  const open = (path: string, title: string | RegExp) => async (page: Page) => {
    await page.goto(app.url(path));
    await h1(page, title);
  };
  return [
    ['home', open('/', '桃花江镇')],
    [
      'sign-in, signed out',
      async (page) => {
        const cookies = await app.phoneContext().cookies();
        await app.phoneContext().clearCookies();
        try {
          await open('/login', /登录/)(page);
          await shown(page.getByRole('checkbox', { name: /已阅读并同意/ }));
        } finally {
          await app.phoneContext().addCookies(cookies);
        }
      },
    ],
    ['privacy notice', open('/privacy', /个人信息/)],
    ['entry', open(`/entries/${c.entry('grade7').id}`, '初中七年级新生')],
    ['account', open('/me', '个人中心')],
    ['children', open('/me/children', '我的孩子')],
    ['messages', open('/me/messages', '我的消息')],
    ['choose the child', open(`/entries/${c.entry('grade1').id}/apply`, '选择报名的孩子')],
    ['channel step', open(`/applications/${draftId}/channel`, '选择报名通道')],
    ['form step', open(`/applications/${draftId}/form`, '填写报名资料')],
    ['documents step', open(`/applications/${draftId}/documents`, '上传证明材料')],
    ['schools step', open(`/applications/${draftId}/schools`, '选择报读学校')],
    ['preview', open(`/applications/${draftId}/preview`, '预览报名信息')],
    ['progress', open(`/applications/${submittedId}/progress`, '报名进度')],
  ];
}

describe("the parents' pages on a phone", () => {
  test('every button, link-button, field and checkbox with its label is at least 44 px each way; body text is 16 px and no text is under 14 px (390×844)', async () => {
    await app.inTab(async (page, errors) => {
      const found: Record<string, { small: string[]; text: string[] }> = {};
      for (const [name, open] of parentPages()) {
        await open(page);
        const small = await smallTargets(page);
        const { body, tooSmall } = await textSizes(page, 14);
        const text = body < 16 ? [`body ${body}px`, ...tooSmall] : tooSmall;
        if (small.length + text.length > 0) found[name] = { small, text };
      }
      expect(found).toEqual({});
      expect(errors).toEqual([]);
    });
  });

  test('nothing scrolls sideways at 320 px wide, nor at 200 % zoom (a 195 px wide window)', async () => {
    await app.inTab(async (page, errors) => {
      const found: Record<string, number> = {};
      for (const width of [320, 195]) {
        await page.setViewportSize({ width, height: 640 });
        for (const [name, open] of parentPages()) {
          await open(page);
          const wider = await overflow(page, width);
          if (wider > 0) found[`${name} at ${width} px`] = wider;
        }
      }
      expect(found).toEqual({});
      expect(errors).toEqual([]);
    });
  });

  test('长辈模式 enlarges the text, stays on across a reload, is on before the page script runs, and turns off again', async () => {
    await app.inTab(async (page, errors) => {
      /** How tall the page title's first line of text is drawn, in CSS pixels of the window. */
      const titleSize = async () => {
        await h1(page, '个人中心');
        return page.evaluate(() => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector('h1')!);
          return range.getClientRects()[0]!.height;
        });
      };
      const largeText = page.getByRole('button', { name: '长辈模式' });
      await page.goto(app.url('/me'));
      const ordinary = await titleSize();
      expect(await largeText.getAttribute('aria-pressed')).toBe('false');
      await largeText.click();
      await expect.poll(() => largeText.getAttribute('aria-pressed')).toBe('true');
      expect(await titleSize()).toBeGreaterThanOrEqual(ordinary * 1.15);
      expect(await overflow(page, 390)).toBeLessThanOrEqual(0);

      await page.reload();
      expect(await titleSize()).toBeGreaterThanOrEqual(ordinary * 1.15);
      expect(await largeText.getAttribute('aria-pressed')).toBe('true');
      expect(await smallTargets(page)).toEqual([]);
      await expectAccessible(page, '个人中心 in 长辈模式');

      // Before the first paint: without the app's scripts at all, the page shell alone has already turned it on.
      await page.route('**/assets/*.js', (route) => route.abort());
      await page.reload();
      expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
      await page.unroute('**/assets/*.js');

      await page.reload();
      await largeText.click();
      await expect.poll(() => largeText.getAttribute('aria-pressed')).toBe('false');
      await page.reload();
      expect(await titleSize()).toBeCloseTo(ordinary, 0);
      expect(await largeText.getAttribute('aria-pressed')).toBe('false');
      expect(errors).toEqual([]);
    });
  });
});

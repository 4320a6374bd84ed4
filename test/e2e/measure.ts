import type { Page } from 'playwright-core';

/** The smallest tap target parents' pages allow, in CSS pixels (Apple's 44 pt; WCAG 2.5.5). */
export const minTarget = 44;

/**
 * Every visible control on the page smaller than `minTarget` either way, as `<tag.class "text"> width×height`:
 * buttons, links styled as buttons, cards or bar items (a link with a class or in a navigation: a bare link inside a
 * sentence is text), form
 * fields, 展开 summaries, and a checkbox or radio button measured with its label, which is where a finger lands.
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const targets = new Set<Element>();
    for (const el of document.querySelectorAll(
      'button, [role="button"], a[class], nav a, summary, select, textarea, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="file"])',
    )) {
      targets.add(el);
    }
    for (const box of document.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')) {
      targets.add(box.closest('label') ?? box.labels?.[0] ?? box);
    }
    const small: string[] = [];
    for (const el of targets) {
      const { width, height } = el.getBoundingClientRect();
      if (width === 0 || height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (width < min - 0.5 || height < min - 0.5) {
        const text = (el.textContent ?? '').trim().slice(0, 16);
        small.push(`<${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text}"> ${Math.round(width)}×${Math.round(height)}`);
      }
    }
    return small;
  }, minTarget);
}

/**
 * The page's text sizes: the body's, and every visible piece of text under `min` pixels, as `<tag.class "text"> 13px`.
 */
export function textSizes(page: Page, min: number): Promise<{ body: number; tooSmall: string[] }> {
  return page.evaluate((least) => {
    const tooSmall: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest('noscript, script, style, [hidden]') || el.getClientRects().length === 0) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (size < least)
        tooSmall.push(`<${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${node.textContent.trim().slice(0, 16)}"> ${size}px`);
    }
    return { body: Number.parseFloat(getComputedStyle(document.body).fontSize), tooSmall };
  }, min);
}

/**
 * How far the page is wider than a window `width` CSS pixels wide (0 or less when nothing scrolls sideways). Measured
 * against the width asked for, not `innerWidth`: a phone browser widens its layout to fit a page that is too wide.
 */
export const overflow = (page: Page, width: number) => page.evaluate((w) => document.documentElement.scrollWidth - w, width);

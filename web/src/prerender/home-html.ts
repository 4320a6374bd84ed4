import { chineseNumeral, zhCN } from '../i18n/zh-CN';
import { describeGrades } from '../parent/grades';
import { sharedWindow, windowParts } from '../lib/window-text';

interface EntryWindow {
  opensAt: string;
  closesAt: string;
  state: 'upcoming' | 'open' | 'closed';
}
interface Entry {
  id: string;
  code: string;
  name: string;
  description: string;
  gradeMin: number;
  gradeMax: number;
  window: EntryWindow;
  tracks: readonly { level: string; gradeMin: number; gradeMax: number }[];
}
/** The part of the home page's catalog snapshot (`homeSnapshot` on the server) the first paint needs. */
export interface HomeFacts {
  regions: readonly unknown[];
  region?: { name: string; season: { name: string }; entries: readonly Entry[] };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const nowrapList = (parts: readonly string[], gap: string) => parts.map((p) => `<span class="nowrap">${escapeHtml(p)}</span>`).join(gap);

/** `WindowStatus` (web/src/parent/window-status.tsx) as markup. */
function windowHtml(window: EntryWindow, compact: boolean) {
  return (
    `<div class="window window-${escapeHtml(window.state)}${compact ? ' window-compact' : ''}">` +
    `<span class="window-state"><span class="dot" aria-hidden="true"></span>${escapeHtml(zhCN.window[window.state])}</span>` +
    `<span class="window-time">${escapeHtml(zhCN.window.time)}：<span>${nowrapList(windowParts(window), ' ')}</span></span></div>`
  );
}

/** `EntryCard` (web/src/parent/entry-card.tsx) as markup. */
function entryHtml(entry: Entry, showWindow: boolean) {
  const mark = entry.gradeMin === entry.gradeMax ? chineseNumeral(entry.gradeMin) : zhCN.entries.transferMark;
  return (
    `<a class="entry-card entry-${escapeHtml(entry.code)}" href="/entries/${escapeHtml(entry.id)}">` +
    `<span class="entry-mark" aria-hidden="true">${escapeHtml(mark)}</span><div class="entry-text">` +
    `<span class="entry-name">${escapeHtml(entry.name)}</span>` +
    `<span class="entry-for">${escapeHtml(zhCN.entries.for)}：${nowrapList(describeGrades(entry.tracks), '、')}</span>` +
    `<span class="entry-desc">${escapeHtml(entry.description)}</span>` +
    (showWindow ? windowHtml(entry.window, true) : '') +
    `<span class="entry-go">${escapeHtml(zhCN.entries.open)} ›</span></div></a>`
  );
}

/**
 * The first screen of `/` for a county with one region, as the app first renders it (top bar with the account link's place held, the season, the
 * order notice, the entries), for the host to put into the page shell: the phone paints it as soon as the HTML and
 * the stylesheet are in, and the app replaces it with the same page when its script has run. Null for several
 * regions (the app shows the list). An e2e test compares it with what the app renders.
 */
export function homeFirstPaint(facts: HomeFacts): string | null {
  const region = facts.region;
  if (facts.regions.length !== 1 || !region) return null;
  const shared = sharedWindow(region.entries);
  return (
    `<header class="topbar"><a href="/" class="brand">${escapeHtml(zhCN.platform)}</a>` +
    // 长辈模式 and the account link work once the app runs: until then their places are held, unseen.
    `<div class="topbar-actions"><span class="topbar-link large-text-switch topbar-pending" aria-hidden="true">${escapeHtml(zhCN.largeText)}</span>` +
    `<span class="topbar-link topbar-pending" aria-hidden="true">${escapeHtml(zhCN.account.signIn)}</span></div></header>` +
    '<main class="page">' +
    `<section class="hero"><h1 class="hero-region">${escapeHtml(region.name)}</h1>` +
    `<p class="hero-season">${escapeHtml(zhCN.regions.season(region.season.name))}</p>${shared ? windowHtml(shared, false) : ''}</section>` +
    `<aside class="notice" aria-label="${escapeHtml(zhCN.orderNotice.title)}"><p class="notice-title">${escapeHtml(zhCN.orderNotice.title)}</p>` +
    `<p class="notice-body">${escapeHtml(zhCN.orderNotice.body)}</p></aside>` +
    `<section class="section"><h2 class="section-title">${escapeHtml(zhCN.entries.heading)}</h2><p class="muted">${escapeHtml(zhCN.entries.hint)}</p>` +
    `<div class="entry-list">${region.entries.map((e) => entryHtml(e, !shared)).join('')}</div></section>` +
    '</main>'
  );
}

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
interface Town {
  id: string;
  name: string;
  seasonName: string | null;
}
export interface HomeFacts {
  regions: readonly Town[];
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

/** `TownPicker` (web/src/parent/town-picker.tsx) as markup. */
function townPickerHtml(regions: readonly Town[]) {
  const card = (town: Town) =>
    `<a class="region-card" href="/regions/${escapeHtml(town.id)}"><span class="region-name">${escapeHtml(town.name)}</span>` +
    `<span class="muted">${escapeHtml(town.seasonName ? zhCN.regions.season(town.seasonName) : zhCN.regions.noSeason)}</span></a>`;
  return (
    `<section class="section"><h1 class="section-title">${escapeHtml(zhCN.regions.pick)}</h1>` +
    `<p class="muted">${escapeHtml(zhCN.regions.pickHint)}</p><div class="region-list">${regions.map(card).join('')}</div></section>`
  );
}

/**
 * The first screen of `/` as the app first renders it, for the host to put into the page shell: the phone paints it
 * as soon as the HTML and the stylesheet are in, and the app replaces it with the same page when its script has run.
 * For the town the host opened (the only one, or the one this phone opened last): top bar with the account link's
 * place held, the season, the order notice, the entries. Else, with several towns, the list to pick from. Null when
 * there is nothing to paint. An e2e test compares it with what the app renders.
 */
export function homeFirstPaint(facts: HomeFacts): string | null {
  const region = facts.region;
  const topbar =
    `<header class="topbar"><a href="/" class="brand">${escapeHtml(zhCN.platform)}</a>` +
    // 长辈模式 and the account link work once the app runs: until then their places are held, unseen.
    `<div class="topbar-actions"><span class="topbar-link large-text-switch topbar-pending" aria-hidden="true">${escapeHtml(zhCN.largeText)}</span>` +
    `<span class="topbar-link topbar-pending" aria-hidden="true">${escapeHtml(zhCN.account.signIn)}</span></div></header>`;
  if (!region) return facts.regions.length > 1 ? `${topbar}<main class="page">${townPickerHtml(facts.regions)}</main>` : null;
  const shared = sharedWindow(region.entries);
  const switchTown = facts.regions.length > 1 ? `<a class="hero-switch" href="/towns">${escapeHtml(zhCN.regions.switchTown)}</a>` : '';
  return (
    topbar +
    '<main class="page">' +
    `<section class="hero"><div class="hero-head"><h1 class="hero-region">${escapeHtml(region.name)}</h1>${switchTown}</div>` +
    `<p class="hero-season">${escapeHtml(zhCN.regions.season(region.season.name))}</p>${shared ? windowHtml(shared, false) : ''}</section>` +
    `<aside class="notice" aria-label="${escapeHtml(zhCN.orderNotice.title)}"><p class="notice-title">${escapeHtml(zhCN.orderNotice.title)}</p>` +
    `<p class="notice-body">${escapeHtml(zhCN.orderNotice.body)}</p></aside>` +
    `<section class="section"><h2 class="section-title">${escapeHtml(zhCN.entries.heading)}</h2><p class="muted">${escapeHtml(zhCN.entries.hint)}</p>` +
    `<div class="entry-list">${region.entries.map((e) => entryHtml(e, !shared)).join('')}</div></section>` +
    '</main>'
  );
}

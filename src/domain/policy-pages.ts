/**
 * The rules of the policy pages an administrator edits (招生工作方案, 家长操作手册, 常见问题, 报名须知, more): what a
 * page's address, title and body may be, and when a change made on a version still applies. Pure: the rendered HTML
 * is handed in by the caller (`src/render/policy-markdown.ts`).
 */

/** A page body longer than this is refused: it is read on a phone, and rendering time grows with it. */
export const pageBodyLimit = 20_000;
export const pageTitleLimit = 40;
/** A page's address within its season (`/regions/…/pages/<slug>`): lower-case letters, digits and single hyphens. */
export const pageSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const pageSlugLimit = 40;

export const pageMessages = {
  bodyTooLong: (length: number) => `正文不能超过 ${pageBodyLimit} 个字符（现有 ${length} 个），请拆分为多个页面`,
  titleRequired: '请填写页面标题',
  titleTooLong: `页面标题不能超过 ${pageTitleLimit} 个字`,
  slugInvalid: '页面地址只能由小写字母、数字和连字符组成，且不能以连字符开头或结尾',
  slugTooLong: `页面地址不能超过 ${pageSlugLimit} 个字符`,
  notFound: '找不到该页面',
  seasonNotFound: '找不到该招生季',
  changed: '该页面已被他人修改，请重新载入后再编辑',
  exists: '本招生季已有相同地址的页面，请换一个地址',
  orderIncomplete: '排序须包含本招生季的全部页面，且每个页面只出现一次',
} as const;

export interface PageState {
  id: string;
  title: string;
  body: string;
  version: number;
}

type Refusal = { ok: false; code: 'PAGE_NOT_FOUND' | 'PAGE_CHANGED' | 'INVALID_INPUT'; message: string; field?: 'body' };

export type PageEdit =
  | Refusal
  | {
      ok: true;
      /** The row must still be at the version the administrator edited. */
      guard: { version: number };
      set: { title: string; body: string; html: string; version: number };
      audit: { pageId: string; version: number; before: { title: string; body: string }; after: { title: string; body: string } };
    };

/** The body's length refusal, or undefined when it fits. */
export function bodyRefusal(body: string): string | undefined {
  return body.length > pageBodyLimit ? pageMessages.bodyTooLong(body.length) : undefined;
}

/** An administrator's edit of a page (title and Markdown body, with its HTML rendered), made on `version`. */
export function decidePageEdit(
  page: PageState | undefined,
  input: { version: number; title: string; body: string },
  html: string,
): PageEdit {
  if (!page) return { ok: false, code: 'PAGE_NOT_FOUND', message: pageMessages.notFound };
  const tooLong = bodyRefusal(input.body);
  if (tooLong) return { ok: false, code: 'INVALID_INPUT', message: tooLong, field: 'body' };
  if (page.version !== input.version) return { ok: false, code: 'PAGE_CHANGED', message: pageMessages.changed };
  return {
    ok: true,
    guard: { version: page.version },
    set: { title: input.title, body: input.body, html, version: page.version + 1 },
    audit: {
      pageId: page.id,
      version: page.version + 1,
      before: { title: page.title, body: page.body },
      after: { title: input.title, body: input.body },
    },
  };
}

export type PageOrder =
  | Refusal
  | { ok: true; guard: { id: string; version: number }[]; sort: { id: string; sort: number }[]; before: string[]; after: string[] };

/**
 * A new order of a season's pages: `order` names every page of the season once, each with the version it was seen at;
 * the pages as they are now come in their current order.
 */
export function decidePageOrder(
  pages: readonly (PageState & { slug: string })[],
  order: readonly { pageId: string; version: number }[],
): PageOrder {
  const ids = new Set(order.map((o) => o.pageId));
  if (ids.size !== order.length || ids.size !== pages.length || pages.some((p) => !ids.has(p.id))) {
    return { ok: false, code: 'INVALID_INPUT', message: pageMessages.orderIncomplete };
  }
  const byId = new Map(pages.map((p) => [p.id, p]));
  if (order.some((o) => byId.get(o.pageId)!.version !== o.version))
    return { ok: false, code: 'PAGE_CHANGED', message: pageMessages.changed };
  return {
    ok: true,
    guard: order.map((o) => ({ id: o.pageId, version: o.version })),
    sort: order.map((o, sort) => ({ id: o.pageId, sort })),
    before: pages.map((p) => p.slug),
    after: order.map((o) => byId.get(o.pageId)!.slug),
  };
}

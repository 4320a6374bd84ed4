import { describe, expect, it } from 'vitest';
import { decidePageEdit, decidePageOrder, pageBodyLimit, pageSlugPattern } from '../../src/domain/policy-pages';
import { createPageInput, updatePageInput } from '../../src/schemas/admin';

const page = { id: 'p1', slug: 'faq', title: '常见问题', body: '旧', version: 3 };
const pageId = 'aaaaaaaaaaaaaaaaaaaa';

describe('an administrator’s edit of a policy page', () => {
  it('made on the current version sets title, body, rendered HTML and the next version, with before and after for the audit', () => {
    const edit = decidePageEdit(page, { version: 3, title: '常见问题解答', body: '新' }, '<p>新</p>');
    expect(edit).toEqual({
      ok: true,
      guard: { version: 3 },
      set: { title: '常见问题解答', body: '新', html: '<p>新</p>', version: 4 },
      audit: { pageId: 'p1', version: 4, before: { title: '常见问题', body: '旧' }, after: { title: '常见问题解答', body: '新' } },
    });
  });

  it('made on an older version is refused with 已被他人修改', () => {
    const edit = decidePageEdit(page, { version: 2, title: 't', body: 'b' }, '');
    expect(edit).toMatchObject({ ok: false, code: 'PAGE_CHANGED', message: expect.stringContaining('已被他人修改') });
  });

  it('of a page that does not exist is refused with 找不到该页面', () => {
    expect(decidePageEdit(undefined, { version: 0, title: 't', body: 'b' }, '')).toMatchObject({ ok: false, code: 'PAGE_NOT_FOUND' });
  });

  it(`with a body over ${pageBodyLimit} characters is refused on the body field, saying how long it is`, () => {
    const edit = decidePageEdit(page, { version: 3, title: 't', body: 'a'.repeat(pageBodyLimit + 1) }, '');
    expect(edit).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'body',
      message: expect.stringContaining(`${pageBodyLimit + 1}`),
    });
  });
});

describe('the order of a season’s pages', () => {
  const pages = [page, { ...page, id: 'p2', slug: 'manual', version: 0 }];

  it('names every page once with the version it was seen at', () => {
    expect(
      decidePageOrder(pages, [
        { pageId: 'p2', version: 0 },
        { pageId: 'p1', version: 3 },
      ]),
    ).toMatchObject({
      ok: true,
      sort: [
        { id: 'p2', sort: 0 },
        { id: 'p1', sort: 1 },
      ],
      before: ['faq', 'manual'],
      after: ['manual', 'faq'],
    });
  });

  it('is refused when a page is missing or named twice, and as stale when a version moved', () => {
    expect(decidePageOrder(pages, [{ pageId: 'p1', version: 3 }])).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      decidePageOrder(pages, [
        { pageId: 'p1', version: 3 },
        { pageId: 'p1', version: 3 },
      ]),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      decidePageOrder(pages, [
        { pageId: 'p1', version: 2 },
        { pageId: 'p2', version: 0 },
      ]),
    ).toMatchObject({ ok: false, code: 'PAGE_CHANGED' });
  });
});

describe('what a page’s input may be', () => {
  it('takes lower-case letters, digits and single hyphens as the address', () => {
    for (const slug of ['faq', 'transfer-2025', 'a1']) expect(pageSlugPattern.test(slug), slug).toBe(true);
    for (const slug of ['FAQ', '-a', 'a-', 'a--b', 'a_b', '常见问题', 'a/b', '']) expect(pageSlugPattern.test(slug), slug).toBe(false);
  });

  it('refuses an empty title, a bad address and an overlong body with zh-CN messages', () => {
    const created = createPageInput.safeParse({ seasonId: pageId, slug: 'Bad Slug', title: ' ', body: 'a'.repeat(pageBodyLimit + 1) });
    expect(created.success).toBe(false);
    const messages = created.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining(['请填写页面标题', expect.stringContaining('小写字母'), expect.stringContaining(`${pageBodyLimit + 1}`)]),
    );
    expect(updatePageInput.safeParse({ pageId, version: 0, title: '常见问题', body: 'a'.repeat(pageBodyLimit) }).success).toBe(true);
  });
});

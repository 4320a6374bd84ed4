import { describe, expect, it } from 'vitest';
import { safeReturn, safeReturnPath, withChild } from '../../web/src/lib/return-path';

describe('the page a parent returns to after adding a child', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeReturnPath('/entries/abc/apply')).toBe('/entries/abc/apply');
    expect(safeReturnPath('/entries/abc/apply?grade=2')).toBe('/entries/abc/apply?grade=2');
  });

  it('refuses anything that leaves the site or is not a page', () => {
    for (const raw of [
      null,
      undefined,
      '',
      'https://evil.example/',
      '//evil.example/apply',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      ' /entries/abc/apply',
      '/entries/abc\n/apply',
      'entries/abc/apply',
      '/api/files/abc',
      '/trpc/auth.me',
      `/${'a'.repeat(400)}`,
    ]) {
      expect(safeReturnPath(raw), String(raw)).toBeNull();
    }
  });

  it('normalises dot segments instead of following them off the site', () => {
    expect(safeReturnPath('/entries/../../evil')).toBe('/evil');
    expect(safeReturnPath('/./%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });

  it('picks the child just added on the page returned to', () => {
    expect(withChild('/entries/abc/apply', 'kid1')).toBe('/entries/abc/apply?child=kid1');
    expect(withChild('/entries/abc/apply?grade=2&child=old', 'kid1')).toBe('/entries/abc/apply?grade=2&child=kid1');
  });
});

describe('the page a parent returns to after signing in', () => {
  it('is the same check: a path of this site, never the sign-in page, else 个人中心', () => {
    expect(safeReturn('/entries/abc/apply')).toBe('/entries/abc/apply');
    expect(safeReturn('/\\evil.example')).toBe('/me');
    expect(safeReturn('//evil.example')).toBe('/me');
    expect(safeReturn('/login?from=/me')).toBe('/me');
    expect(safeReturn(undefined, '/')).toBe('/');
  });
});

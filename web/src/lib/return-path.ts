/** Where a page may send the parent back to: a path of this site, never another site (no open redirect). */
const base = 'https://return.invalid';

/**
 * The `return` query parameter as a same-site path (`/entries/x/apply?grade=2`), or null: it must start with one `/`
 * (not `//` or `/\`, which browsers read as another host), hold no control characters, and not point at the API.
 */
export function safeReturnPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 300 || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is what this pattern is for
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base || /^\/(api|trpc)(\/|$)/.test(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The return path with `child=<id>` set: the page returned to picks the child just added. */
export function withChild(path: string, childId: string): string {
  const url = new URL(path, base);
  url.searchParams.set('child', childId);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where to go after signing in: a path of this site only, never the sign-in page again. */
export function safeReturn(from: unknown, fallback = '/me'): string {
  const path = typeof from === 'string' ? safeReturnPath(from) : null;
  return path && !path.startsWith('/login') ? path : fallback;
}

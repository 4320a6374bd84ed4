/**
 * True once every read has its value. Every read is taken, every time, before any is tested. With `a() && b()`
 * as a `Show` condition, a page entered by an in-app navigation (a transition) stayed blank: `b` was first read
 * after the transition and `a`'s value never showed (solid-js 1.9, @solidjs/router 1.0).
 */
export function ready(...values: unknown[]): boolean {
  return values.every((value) => value !== undefined && value !== null);
}

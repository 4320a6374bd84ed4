import { type Component, lazy } from 'solid-js';

type Later = typeof import('./later-pages');

/** A page of the later chunk (`later-pages.ts`) as a route component. */
export const later = <K extends keyof Later>(name: K) =>
  lazy(() => import('./later-pages').then((m) => ({ default: m[name] as Component })));

/** Fetches the later chunk while the phone has nothing else to do, so the next tap does not wait for it. */
export function warmLaterPages() {
  const load = () => void import('./later-pages');
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1500);
}

/**
 * The reads whose answers are the same for everyone who asks within a second (decision 037; each declares for how long
 * with `ctx.shareAnswer` in src/api/routers/catalog.ts). The parents' page sends them each on its own, so that their
 * URL is the same for every family; a host looks up and keeps answers of these calls only, so no other request pays
 * for the lookup.
 */
export const sharedReads: readonly string[] = ['catalog.region', 'catalog.channels', 'catalog.pages'];

/**
 * How long an answer worked out at `now` may be given unchanged to anyone who asks (decision 037): `freshMs`, or less
 * when one of `boundaries` (a window opening or closing) comes sooner, since the answer says which side of it `now` is.
 */
export function shareableForMs(now: Date, boundaries: Iterable<Date>, freshMs: number): number {
  let ms = freshMs;
  for (const boundary of boundaries) {
    const until = boundary.getTime() - now.getTime();
    if (until > 0 && until < ms) ms = until;
  }
  return ms;
}

/** `Cache-Control` for an answer anyone may be given for `ms`: HTTP counts whole seconds, so null below one. */
export function sharedCacheControl(ms: number): string | null {
  const seconds = Math.floor(ms / 1000);
  return seconds >= 1 ? `public, max-age=${seconds}` : null;
}

/** How long an answer marked by `sharedCacheControl` may be shared, in ms; 0 for any other `Cache-Control`. */
export function sharedForMs(cacheControl: string | null): number {
  const seconds = cacheControl?.match(/^public, max-age=([1-9]\d*)$/)?.[1];
  return seconds ? Number(seconds) * 1000 : 0;
}

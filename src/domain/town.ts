/**
 * The town (region) a parent last opened, remembered in a cookie the page writes: the next visit to `/` opens that
 * town's season at once, painted from the HTML. Only the region's id, nothing about the family.
 */
export const townCookie = 'town';

/** A year: a family returns to the page each summer. */
export const townCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

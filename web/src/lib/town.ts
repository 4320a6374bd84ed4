import { townCookie, townCookieMaxAgeSeconds } from '../../../src/domain/town';

/** Remembers the town a parent opened (`townCookie`): `/` opens it next time, painted by the host. */
export function rememberTown(regionId: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain first-party preference cookie, read by the host on `GET /`.
  document.cookie = `${townCookie}=${encodeURIComponent(regionId)}; path=/; max-age=${townCookieMaxAgeSeconds}; samesite=lax`;
}

/** The town the parent last opened on this phone, if any. */
export function rememberedTown(): string | undefined {
  const pair = document.cookie.split('; ').find((p) => p.startsWith(`${townCookie}=`));
  return pair ? decodeURIComponent(pair.slice(townCookie.length + 1)) : undefined;
}

import { serialize } from 'hono/utils/cookie';

export const sessionCookieName = 'enroll_sid';

/** The parent's session cookie: HttpOnly, SameSite=Lax, Secure except on plain-http localhost. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return serialize(sessionCookieName, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: maxAgeSeconds });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(sessionCookieName, '', { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: 0 });
}

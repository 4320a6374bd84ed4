import { serialize } from 'hono/utils/cookie';

export const sessionCookieName = 'enroll_sid';
/** Staff sessions have their own cookie: a parent's session never reaches staff procedures, nor the reverse. */
export const staffCookieName = 'enroll_staff';

/** A session cookie: HttpOnly, SameSite=Lax, Secure except on plain-http localhost. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean, name = sessionCookieName): string {
  return serialize(name, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: maxAgeSeconds });
}

export function clearedSessionCookie(secure: boolean, name = sessionCookieName): string {
  return serialize(name, '', { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: 0 });
}

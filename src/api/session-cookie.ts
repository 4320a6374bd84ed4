import { serialize } from 'hono/utils/cookie';
import { type SessionAudience, sessionPolicies } from '../domain/session-policy';

/** Each audience has its own cookie: a parent's session never reaches staff procedures, nor the reverse. */
export const sessionCookieNames: Record<SessionAudience, string> = { parent: 'enroll_sid', staff: 'enroll_staff' };
export const sessionCookieName = sessionCookieNames.parent;

const attributes = (secure: boolean, maxAge: number) => ({ path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge }) as const;

/** A session cookie: HttpOnly, SameSite=Lax, Secure except on plain-http localhost; it lasts as long as the session may. */
export function sessionCookie(audience: SessionAudience, token: string, secure: boolean): string {
  return serialize(sessionCookieNames[audience], token, attributes(secure, sessionPolicies[audience].maxMs / 1000));
}

export function clearedSessionCookie(audience: SessionAudience, secure: boolean): string {
  return serialize(sessionCookieNames[audience], '', attributes(secure, 0));
}

import { query, revalidate } from '@solidjs/router';
import { isTRPCClientError } from '@trpc/client';
import { createSignal } from 'solid-js';
import { api, type RouterOutputs } from './trpc';

// The signed-in parent's reads. The session itself lives in an HttpOnly cookie the page never sees.

const hintKey = 'enroll.signedIn';
const readHint = () => { try { return localStorage.getItem(hintKey) === '1'; } catch { return false; } };

/**
 * Whether this browser signed in last time: a hint only, never a credential. Signed-out visitors (most of
 * them) then never ask `auth.me` and never see an UNAUTHORIZED answer; the cookie stays the truth.
 */
const [signedInHint, setHint] = createSignal(readHint());
export { signedInHint };
export function rememberSignedIn(on: boolean) {
  setHint(on);
  try { if (on) localStorage.setItem(hintKey, '1'); else localStorage.removeItem(hintKey); } catch { /* private mode */ }
}

export const codeOf = (error: unknown) =>
  isTRPCClientError(error) ? (error.data as { code?: string } | undefined)?.code : undefined;

/** Who is signed in, or null when nobody is (UNAUTHORIZED). */
export const getMe = query(async () => {
  try {
    const me = await api.auth.me.query();
    rememberSignedIn(true);
    return me;
  } catch (error) {
    if (codeOf(error) !== 'UNAUTHORIZED') throw error;
    rememberSignedIn(false);
    return null;
  }
}, 'auth.me');

export const getChildren = query(() => api.children.list.query(), 'children.list');
export const getMessages = query(() => api.messages.list.query({ limit: 50 }), 'messages.list');
export const getDevInbox = query((phone?: string) => api.dev.inbox.query({ phone }), 'dev.inbox');

/** Everything that belongs to the account: after sign-in, sign-out or a change, read it afresh. */
export const refreshAccount = () => revalidate([getMe.key, getChildren.key, getMessages.key]);

export type Me = NonNullable<RouterOutputs['auth']['me']>;
export type Child = RouterOutputs['children']['list'][number];
export type Message = RouterOutputs['messages']['list'][number];
export type DevSms = RouterOutputs['dev']['inbox'][number];

/** Where to go after signing in: a path of this site only (never `//elsewhere`). */
export function safeReturn(from: unknown, fallback = '/me') {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : fallback;
}

const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});
/** `2024-07-20 10:00`, China time. */
export function formatTime(iso: string) {
  const parts = Object.fromEntries(chinaTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

import { query, revalidate } from '@solidjs/router';
import { isTRPCClientError } from '@trpc/client';
import { api, type RouterOutputs } from './trpc';

// The signed-in parent's reads. The session itself lives in an HttpOnly cookie the page never sees.

export const codeOf = (error: unknown) => (isTRPCClientError(error) ? (error.data as { code?: string } | undefined)?.code : undefined);

/** Who is signed in, or null when nobody is. */
export const getMe = query(() => api.auth.session.query(), 'auth.session');

export const getChildren = query(() => api.children.list.query(), 'children.list');
export const getMessages = query(() => api.messages.list.query({ limit: 50 }), 'messages.list');
export const getClaims = query(() => api.children.claims.query(), 'children.claims');
export const getDevInbox = query((phone?: string) => api.dev.inbox.query({ phone }), 'dev.inbox');

/** Everything that belongs to the account: after sign-in, sign-out or a change, read it afresh. */
export const refreshAccount = () => revalidate([getMe.key, getChildren.key, getMessages.key, getClaims.key]);

export type Me = NonNullable<RouterOutputs['auth']['session']>;
export type Child = RouterOutputs['children']['list'][number];
export type Message = RouterOutputs['messages']['list'][number];
export type Claim = RouterOutputs['children']['claims'][number];
export type DevSms = RouterOutputs['dev']['inbox'][number];

const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
/** `2024-07-20 10:00`, China time. */
export function formatTime(iso: string) {
  const parts = Object.fromEntries(chinaTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

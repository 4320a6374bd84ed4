import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { getChildren, getMe, getMessages } from '../lib/account';
import { later } from '../parent/later';

const LoginPage = later('LoginPage');
const MePage = later('MePage');
const ChildrenPage = later('ChildrenPage');

/** Demo mode's SMS inbox, which no parent outside the demo opens: it rides in the application pages' lazy chunk. */
const DevInboxPage = lazy(() => import('../apply/pages').then((m) => ({ default: m.DevInboxPage })));
const PrivacyPage = lazy(() => import('./privacy-page'));
/** 我的消息 rides in the same chunk: a first visit has none to read, and its links lead into the application pages. */
const MessagesPage = lazy(() => import('../apply/pages').then((m) => ({ default: m.MessagesPage })));

/** Sign-in, 个人中心 and what hangs off it, and demo mode's SMS inbox. Account reads wait for a session. */
export const accountRoutes: RouteDefinition[] = [
  { path: '/login', component: LoginPage },
  { path: '/dev/inbox', component: DevInboxPage },
  { path: '/privacy', component: PrivacyPage },
  { path: '/me', component: MePage, preload: () => void getMe() },
  { path: '/me/children', component: ChildrenPage, preload: () => void getMe().then((me) => me && getChildren()) },
  { path: '/me/messages', component: MessagesPage, preload: () => void getMe().then((me) => me && getMessages()) },
];

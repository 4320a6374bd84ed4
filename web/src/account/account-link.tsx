import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getMe } from '../lib/account';

/**
 * The top bar's 登录 / 个人中心, with a red dot for unread messages; whatever goes wrong here, the bar falls back
 * to 登录 and the page is unaffected.
 */
export function AccountLink() {
  return (
    <ErrorBoundary fallback={<SignInLink />}>
      <Suspense fallback={<PendingLink />}>
        <SignedIn />
      </Suspense>
    </ErrorBoundary>
  );
}

/** Holds the link's place while the session is read, so the bar and the page below do not move when it comes. */
export const PendingLink = () => (
  <span class="topbar-link topbar-pending" aria-hidden="true">
    {zhCN.account.signIn}
  </span>
);

const SignInLink = () => (
  <A class="topbar-link" href="/login">
    {zhCN.account.signIn}
  </A>
);

function SignedIn() {
  const me = createAsync(() => getMe());
  return (
    <Show when={me()} fallback={me() === null && <SignInLink />}>
      {(m) => (
        <A class="topbar-link" href="/me">
          {zhCN.account.me}
          <Show when={m().unreadMessages > 0}>
            <span class="red-dot topbar-dot" role="img" aria-label={zhCN.account.unread(m().unreadMessages)} />
          </Show>
        </A>
      )}
    </Show>
  );
}

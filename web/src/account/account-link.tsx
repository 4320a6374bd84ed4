import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, lazy, Show, Suspense } from 'solid-js';
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

/** 代办模式 (a desk agent on the family's pages): loaded only then, none of it in the parents' first load. */
const AgentBanner = lazy(() => import('./agent-banner'));

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
        <>
          <Show when={m().byAgent}>
            <AgentBanner phone={m().phoneMasked} />
          </Show>
          <A class="topbar-link" href="/me">
            {zhCN.account.me}
            <Show when={m().unreadMessages > 0}>
              <span class="red-dot topbar-dot" role="img" aria-label={zhCN.account.unread(m().unreadMessages)} />
            </Show>
          </A>
        </>
      )}
    </Show>
  );
}

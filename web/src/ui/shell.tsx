import { A, useIsRouting } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { AccountLink } from '../account/account-link';
import { zhCN } from '../i18n/zh-CN';
import { Boundary } from './boundary';
import { LargeTextSwitch } from './large-text-switch';
import { SiteFooter } from './site-footer';

/**
 * The frame of every page: the platform bar (with 长辈模式 and 登录 / 个人中心), a progress line while the next page
 * loads, the page.
 */
export function Shell(props: { children?: JSX.Element }) {
  const routing = useIsRouting();
  return (
    <>
      <header class="topbar">
        <A href="/" class="brand">
          {zhCN.platform}
        </A>
        <div class="topbar-actions">
          <LargeTextSwitch />
          <AccountLink />
        </div>
      </header>
      <Show when={routing()}>
        <div class="progress" aria-hidden="true" />
      </Show>
      <main class="page">
        <Boundary>{props.children}</Boundary>
      </main>
      <SiteFooter />
    </>
  );
}

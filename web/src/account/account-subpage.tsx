import type { JSX } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { BackLink } from '../ui/back-link';

/**
 * A page under 个人中心 (我的孩子, 我的消息): the way back to it (or to `back`, the page the parent came from), the
 * page's title, then the page.
 */
export function AccountSubpage(props: { title: string; back?: { href: string; label: string }; children: JSX.Element }) {
  return (
    <>
      <BackLink href={props.back?.href ?? '/me'}>{props.back?.label ?? zhCN.me.title}</BackLink>
      <h1 class="page-title">{props.title}</h1>
      {props.children}
    </>
  );
}

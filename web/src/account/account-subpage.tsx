import type { JSX } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { BackLink } from '../ui/back-link';

/** A page under 个人中心 (我的孩子, 我的消息): the way back to it, the page's title, then the page. */
export function AccountSubpage(props: { title: string; children: JSX.Element }) {
  return (
    <>
      <BackLink href="/me">{zhCN.me.title}</BackLink>
      <h1 class="page-title">{props.title}</h1>
      {props.children}
    </>
  );
}

import { zhCN } from '../i18n/zh-CN';

/** Guide 三(五): there is no first-come advantage, so nobody needs to rush at the opening hour. */
export function OrderNotice() {
  return (
    <aside class="notice" aria-label={zhCN.orderNotice.title}>
      <p class="notice-title">{zhCN.orderNotice.title}</p>
      <p class="notice-body">{zhCN.orderNotice.body}</p>
    </aside>
  );
}

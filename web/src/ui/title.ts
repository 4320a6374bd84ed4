import { createEffect } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';

/** Sets the browser (and WeChat share) title to `<page> - <platform>`, or the platform alone. */
export function useTitle(page: () => string | undefined) {
  createEffect(() => {
    const name = page();
    document.title = name ? `${name} - ${zhCN.platform}` : zhCN.platform;
  });
}

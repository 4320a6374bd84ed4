import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getBureauContact } from '../lib/catalog';

/**
 * Who runs the platform, how to reach them, and the site's ICP record number (linked to the MIIT register). It never
 * fails a page: without the catalog it shows nothing.
 */
export function SiteFooter() {
  const contact = createAsync(() => getBureauContact());
  return (
    <Show when={contact()}>
      {(c) => (
        <footer class="site-footer">
          <Show when={c().sponsor}>
            <p>
              {zhCN.contact.sponsor}：{c().sponsor}
            </p>
          </Show>
          <Show when={c().phone}>
            {(phone) => (
              <p>
                {zhCN.contact.phone}：<a href={`tel:${phone()}`}>{phone()}</a>
              </p>
            )}
          </Show>
          <Show when={c().address}>
            <p>
              {zhCN.contact.address}：{c().address}
            </p>
          </Show>
          <Show when={c().icp}>
            <p>
              <a href={zhCN.contact.icpSite} rel="noopener noreferrer" target="_blank">
                {c().icp}
              </a>
            </p>
          </Show>
        </footer>
      )}
    </Show>
  );
}

import { createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getPrivacyNotice } from '../lib/catalog';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';

/** `/privacy`: 个人信息保护告知书, linked from the consent at sign-in. */
export default function PrivacyPage() {
  const [search] = useSearchParams<{ from?: string }>();
  const notice = createAsync(() => getPrivacyNotice());
  useTitle(() => notice()?.title);
  return (
    <Show when={notice()}>
      {(n) => (
        <>
          <BackLink href={search.from ? `/login?from=${encodeURIComponent(search.from)}` : '/login'}>{zhCN.privacy.back}</BackLink>
          <article>
            <h1 class="page-title">{n().title}</h1>
            <For each={n().sections}>
              {(section) => (
                <section class="section">
                  <h2 class="section-title">{section.heading}</h2>
                  <p>{section.body}</p>
                </section>
              )}
            </For>
            <p class="muted">{zhCN.privacy.version(n().version)}</p>
          </article>
        </>
      )}
    </Show>
  );
}

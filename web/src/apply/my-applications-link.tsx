import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getMe } from '../lib/account';
import { RejectedCards } from './rejected-cards';
import { ResultCards } from './result-cards';

/** 报名进度查看和撤回 on the home page, for a signed-in parent, with 录取结果 and rejections as cards; never holds up or breaks the page around it. */
export function MyApplicationsLink() {
  return (
    <ErrorBoundary fallback={null}>
      <Suspense>
        <ForSignedIn />
      </Suspense>
    </ErrorBoundary>
  );
}

function ForSignedIn() {
  const me = createAsync(() => getMe());
  return (
    <Show when={me()}>
      <ResultCards />
      <RejectedCards />
      <nav class="link-list" aria-label={zhCN.me.applications}>
        <A href="/applications">{zhCN.me.applicationsHome}</A>
      </nav>
    </Show>
  );
}

import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import type { ErrorKind } from '../lib/errors';

const titles: Record<ErrorKind, string> = {
  network: zhCN.errors.network,
  notFound: zhCN.errors.notFound,
  server: zhCN.errors.server,
};

/** A failed page: what happened in plain words, and the one thing to do about it. */
export function ErrorView(props: { kind: ErrorKind; onRetry?: () => void }) {
  return (
    <div class="error-view" role="alert">
      <h1 class="error-title">{titles[props.kind]}</h1>
      <Show when={props.kind === 'notFound'}>
        <p class="muted">{zhCN.errors.notFoundHint}</p>
      </Show>
      <div class="error-actions">
        <Show when={props.kind !== 'notFound' && props.onRetry}>
          <button type="button" class="button button-primary" onClick={() => props.onRetry?.()}>
            {zhCN.errors.retry}
          </button>
        </Show>
        <A class="button" href="/">
          {zhCN.home}
        </A>
      </div>
    </div>
  );
}

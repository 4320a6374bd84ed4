import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, type JSX, Show, Suspense } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getMe } from '../lib/account';
import type { EntryWindow } from '../lib/catalog';

/**
 * 开始报名 under an entry's channels: signed in → choose the child; signed out → sign in first and come back. Outside
 * the window the button says why it is not there. Until the session is known, the link goes to the child step,
 * which sends a signed-out parent to 登录 itself.
 */
export function StartButton(props: { entryId: string; window: EntryWindow }) {
  const applyPath = () => `/entries/${props.entryId}/apply`;
  const link = (href: string, label: string) => (
    <A class="button button-primary button-block" href={href}>
      {label}
    </A>
  );
  return (
    <Show
      when={props.window.state === 'open'}
      fallback={
        <button type="button" class="button button-primary button-block" disabled>
          {zhCN.entry.notOpen[props.window.state]}
        </button>
      }
    >
      <ErrorBoundary fallback={link(applyPath(), zhCN.entry.start)}>
        <Suspense fallback={link(applyPath(), zhCN.entry.start)}>
          <ForSession applyPath={applyPath()} link={link} />
        </Suspense>
      </ErrorBoundary>
    </Show>
  );
}

function ForSession(props: { applyPath: string; link: (href: string, label: string) => JSX.Element }) {
  const me = createAsync(() => getMe());
  return (
    <Show when={me() !== null} fallback={props.link(`/login?from=${encodeURIComponent(props.applyPath)}`, zhCN.entry.signInToStart)}>
      {props.link(props.applyPath, zhCN.entry.start)}
    </Show>
  );
}

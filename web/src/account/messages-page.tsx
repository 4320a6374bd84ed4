import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { formatTime, getMe, getMessages } from '../lib/account';
import { api } from '../lib/trpc';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';
import { useSignedIn } from './signed-in';

/** `/me/messages` 我的消息: newest first; the unread ones shown are marked read, so the red dot clears. */
export function MessagesPage() {
  const me = useSignedIn();
  const messages = createAsync(() => (me() ? getMessages() : Promise.resolve(undefined)));
  useTitle(() => zhCN.messages.title);

  const marked = new Set<string>();
  createEffect(() => {
    const ids = (messages() ?? []).filter((m) => !m.read && !marked.has(m.id)).map((m) => m.id);
    if (ids.length === 0) return;
    ids.forEach((id) => marked.add(id));
    // They stay marked 未读 on this visit; the count (red dot) is read afresh.
    api.messages.markRead.mutate({ ids }).then(() => revalidate(getMe.key), () => ids.forEach((id) => marked.delete(id)));
  });

  return (
    <Show when={me() && messages()}>
      {(list) => (
        <>
          <BackLink href="/me">{zhCN.me.title}</BackLink>
          <h1 class="page-title">{zhCN.messages.title}</h1>
          <Show when={list().length > 0} fallback={<p class="empty">{zhCN.messages.none}</p>}>
            <ul class="card-list">
              <For each={list()}>
                {(m) => (
                  <li class="card message" classList={{ 'message-unread': !m.read }}>
                    <div class="message-head">
                      <Show when={!m.read}><span class="red-dot" aria-hidden="true" /></Show>
                      <h2 class="message-title">{m.title}</h2>
                      <Show when={!m.read}><span class="tag tag-unread">{zhCN.messages.unread}</span></Show>
                    </div>
                    <p class="message-body">{m.body}</p>
                    <span class="muted">{formatTime(m.createdAt)}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </>
      )}
    </Show>
  );
}

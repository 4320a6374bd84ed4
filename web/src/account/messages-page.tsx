import { A, revalidate, useAction } from '@solidjs/router';
import { createEffect, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { formatTime, getMe, getMessages } from '../lib/account';
import { api } from '../lib/trpc';
import { write } from '../lib/write';
import { CardList } from '../ui/card-list';
import { useTitle } from '../ui/title';
import { AccountSubpage } from './account-subpage';
import { useSignedInRead } from './signed-in';

/** Marks messages read, then reads the unread count (the red dot) again. */
const markRead = write('account.markRead', async (ids: string[]) => {
  await api.messages.markRead.mutate({ ids });
  await revalidate(getMe.key);
});

/**
 * `/me/messages` 我的消息: newest first, each with a link to the page it concerns (an application's 报名进度, 我的孩子);
 * the unread ones shown are marked read, so the red dot clears.
 */
export function MessagesPage() {
  const messages = useSignedInRead(getMessages);
  useTitle(() => zhCN.messages.title);

  const mark = useAction(markRead);
  const marked = new Set<string>();
  createEffect(() => {
    const ids = (messages() || []).filter((m) => !m.read && !marked.has(m.id)).map((m) => m.id);
    if (ids.length === 0) return;
    for (const id of ids) marked.add(id);
    // They stay marked 未读 on this visit; the count (red dot) is read afresh.
    mark(ids).catch(() => {
      for (const id of ids) marked.delete(id);
    });
  });

  return (
    <Show when={messages()}>
      {(list) => (
        <AccountSubpage title={zhCN.messages.title}>
          <CardList items={list()} empty={zhCN.messages.none}>
            {(m) => (
              <li class="card message" classList={{ 'message-unread': !m.read }}>
                <div class="message-head">
                  <Show when={!m.read}>
                    <span class="red-dot" aria-hidden="true" />
                  </Show>
                  <h2 class="message-title">{m.title}</h2>
                  <Show when={!m.read}>
                    <span class="tag tag-unread">{zhCN.messages.unread}</span>
                  </Show>
                </div>
                <p class="message-body">{m.body}</p>
                <Show when={m.link}>
                  {(link) => (
                    <A class="message-link" href={link()}>
                      {zhCN.messages.open(link())}
                    </A>
                  )}
                </Show>
                <span class="muted">{formatTime(m.createdAt)}</span>
              </li>
            )}
          </CardList>
        </AccountSubpage>
      )}
    </Show>
  );
}

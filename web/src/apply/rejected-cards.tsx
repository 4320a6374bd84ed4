import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getApplications } from '../lib/applications';
import { deadlineText } from '../lib/deadline-text';

/** 被驳回 can't be missed: on the home page, a card per rejected application with the reason, the deadline and 去修改. */
export function RejectedCards() {
  const list = createAsync(() => getApplications());
  const rejected = () => (list() ?? []).filter((a) => a.status === 'rejected');
  return (
    <For each={rejected()}>
      {(a) => (
        <section class="fix-card" aria-label={zhCN.rejected.title(a.childName)}>
          <p class="fix-card-title">{zhCN.rejected.title(a.childName)}</p>
          <p class="fix-card-entry">
            {a.entryName} · {a.number}
          </p>
          <p class="fix-card-reason">
            {zhCN.rejected.reason}
            {a.rejectReason}
          </p>
          <Show when={a.correctionDeadline}>{(d) => <p class="fix-card-deadline">{zhCN.rejected.deadline(deadlineText(d()))}</p>}</Show>
          <A class="button button-primary button-block" href={`/applications/${a.id}/${a.fixStep ?? 'channel'}`}>
            {zhCN.rejected.fix}
          </A>
        </section>
      )}
    </For>
  );
}

import { For, Show } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import { formatTime } from '../lib/account';
import type { Progress } from '../lib/applications';

/** 办理记录: every status change, newest first, with who made it and the reason given. */
export function Timeline(props: { history: Progress['history'] }) {
  const newestFirst = () => [...props.history].reverse();
  return (
    <section class="card">
      <h2 class="section-title">{zhApply.progress.timeline}</h2>
      <ol class="timeline">
        <For each={newestFirst()}>
          {(entry, i) => (
            <li classList={{ 'timeline-latest': i() === 0 }}>
              <span class="timeline-status">{entry.toName}</span>
              <span class="muted">
                {formatTime(entry.at)} · {zhApply.progress.by(entry.by)}
              </span>
              <Show when={entry.reason}>
                <span class="timeline-reason">{entry.reason}</span>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { chineseNumeral, zhCN } from '../i18n/zh-CN';
import type { Entry } from '../lib/catalog';
import { describeGrades } from './grades';
import { WindowStatus } from './window-status';

/** One 报名入口 as a large card: what it is, who it is for, and the way in. */
export function EntryCard(props: { entry: Entry; showWindow: boolean }) {
  const mark = () => (props.entry.gradeMin === props.entry.gradeMax ? chineseNumeral(props.entry.gradeMin) : zhCN.entries.transferMark);
  return (
    <A class={`entry-card entry-${props.entry.code}`} href={`/entries/${props.entry.id}`}>
      <span class="entry-mark" aria-hidden="true">
        {mark()}
      </span>
      <div class="entry-text">
        <span class="entry-name">{props.entry.name}</span>
        <span class="entry-for">
          {zhCN.entries.for}：
          <For each={describeGrades(props.entry.tracks)}>
            {(grades, i) => (
              <>
                {i() > 0 && '、'}
                <span class="nowrap">{grades}</span>
              </>
            )}
          </For>
        </span>
        <span class="entry-desc">{props.entry.description}</span>
        <Show when={props.showWindow}>
          <WindowStatus window={props.entry.window} compact />
        </Show>
        <span class="entry-go">{zhCN.entries.open} ›</span>
      </div>
    </A>
  );
}

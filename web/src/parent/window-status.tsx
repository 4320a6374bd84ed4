import { For } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import type { EntryWindow } from '../lib/catalog';
import { windowParts } from '../lib/window-text';

/** Whether registration is open now, and the window in China time, formatted here from its instants. */
export function WindowStatus(props: { window: EntryWindow; compact?: boolean }) {
  // A narrow phone wraps the window after "至", never inside a date or time.
  const parts = () => windowParts(props.window);
  return (
    <div class={`window window-${props.window.state}`} classList={{ 'window-compact': props.compact }}>
      <span class="window-state">
        <span class="dot" aria-hidden="true" />
        {zhCN.window[props.window.state]}
      </span>
      <span class="window-time">
        {zhCN.window.time}：
        <span>
          <For each={parts()}>
            {(part, i) => (
              <>
                {i() > 0 && ' '}
                <span class="nowrap">{part}</span>
              </>
            )}
          </For>
        </span>
      </span>
    </div>
  );
}

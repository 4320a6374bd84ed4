import { For } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import type { EntryWindow } from '../lib/catalog';

/** Whether registration is open now, and the window in China time as the API words it. */
export function WindowStatus(props: { window: EntryWindow; compact?: boolean }) {
  // A narrow phone wraps the window after "至", never inside a date or time.
  const parts = () => {
    const [from, to] = props.window.text.split(' 至 ');
    return to === undefined ? [props.window.text] : [`${from} 至`, to];
  };
  return (
    <div class={`window window-${props.window.state}`} classList={{ 'window-compact': props.compact }}>
      <span class="window-state">
        <span class="dot" aria-hidden="true" />
        {zhCN.window[props.window.state]}
      </span>
      <span class="window-time">
        {zhCN.window.time}：
        <span>
          <For each={parts()}>{(part, i) => <>{i() > 0 && ' '}<span class="nowrap">{part}</span></>}</For>
        </span>
      </span>
    </div>
  );
}

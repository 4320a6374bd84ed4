import { createSignal } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';

/** Where this phone keeps 长辈模式; the inline script of `web/index.html` reads it before the first paint. */
const key = 'text-size';
const root = document.documentElement;

/** 长辈模式: larger text and controls on every parents' page, kept on this phone across visits. */
export function LargeTextSwitch() {
  const [on, setOn] = createSignal(root.classList.contains('large-text'));
  const toggle = () => {
    const next = !on();
    root.classList.toggle('large-text', next);
    try {
      if (next) localStorage.setItem(key, 'large');
      else localStorage.removeItem(key);
    } catch {
      // Storage refused (a private window): the mode lasts until the page closes.
    }
    setOn(next);
  };
  return (
    <button type="button" class="topbar-link large-text-switch" aria-pressed={on()} onClick={toggle}>
      {zhCN.largeText}
    </button>
  );
}

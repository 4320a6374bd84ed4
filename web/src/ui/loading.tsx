import { zhCN } from '../i18n/zh-CN';

/** Shown while a page's data loads; fades in late so fast answers never flash it. */
export function Loading() {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {zhCN.loading}
    </div>
  );
}

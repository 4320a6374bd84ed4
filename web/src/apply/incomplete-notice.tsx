import { For } from 'solid-js';
import type { MissingItem } from '../../../src/domain/application-missing';
import { zhApply } from '../i18n/zh-CN-apply';
import { focusMissing } from './focus-missing';

/**
 * 下一步 on a step with something still missing: what is missing, each with 去完成 (to the field or document), and
 * 「仍然继续」 to go on anyway — nothing stops a parent from coming back to it later.
 */
export function IncompleteNotice(props: { items: readonly MissingItem[]; onContinue: () => void }) {
  return (
    <div class="notice notice-plain incomplete" role="alert">
      <p class="missing-title">{zhApply.steps.incomplete}</p>
      <ul class="missing-list">
        <For each={props.items}>
          {(item) => (
            <li>
              <span>{item.label}</span>
              <button type="button" class="button button-small" onClick={() => focusMissing(item)}>
                {zhApply.preview.goFix}
              </button>
            </li>
          )}
        </For>
      </ul>
      <button type="button" class="button button-block" onClick={() => props.onContinue()}>
        {zhApply.steps.continueAnyway}
      </button>
    </div>
  );
}

import { For, Show } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import type { RouterOutputs } from '../lib/trpc';

type Check = RouterOutputs['applications']['progress']['checks'][number];

/** 系统核验: what the platform checked with the departments, in plain words, and what to bring where one did not pass. */
export function FamilyChecks(props: { checks: readonly Check[] }) {
  return (
    <section class="section" aria-labelledby="family-checks-title">
      <h2 class="section-title" id="family-checks-title">
        {zhApply.checks.title}
      </h2>
      <p class="muted">{zhApply.checks.hint}</p>
      <ul class="family-checks">
        <For each={props.checks}>
          {(check) => (
            <li class={`family-check family-check-${check.result}`}>
              <span class="family-check-label">{check.label}</span>
              <span>{check.text}</span>
              <Show when={check.bring}>{(bring) => <span class="muted">{bring()}</span>}</Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

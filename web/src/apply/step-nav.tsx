import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { MissingItem } from '../../../src/domain/application-missing';
import { zhApply } from '../i18n/zh-CN-apply';
import { type Step, stepComplete, stepName, stepPath, steps } from './steps';

/**
 * The five steps as numbered tabs: where the parent is, which steps are complete (nothing of theirs missing — not
 * merely passed), and a way to jump to any of them.
 */
export function StepNav(props: { applicationId: string; current: Step; missing: readonly MissingItem[] }) {
  const index = () => steps.indexOf(props.current);
  return (
    <nav class="steps" aria-label={zhApply.steps.of(index() + 1, steps.length)}>
      <ol>
        <For each={steps}>
          {(step, i) => {
            const done = () => stepComplete(step, props.missing);
            return (
              <li classList={{ 'step-done': done(), 'step-current': i() === index() }}>
                <A href={stepPath(props.applicationId, step)} aria-current={i() === index() ? 'step' : undefined}>
                  <span class="step-number" aria-hidden="true">
                    {i() + 1}
                  </span>
                  <span class="step-name">{stepName(step)}</span>
                  <Show when={done()}>
                    <span class="visually-hidden">{zhApply.steps.done}</span>
                  </Show>
                </A>
              </li>
            );
          }}
        </For>
      </ol>
    </nav>
  );
}

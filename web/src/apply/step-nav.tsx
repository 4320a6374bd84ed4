import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import { type Step, stepName, stepPath, steps } from './steps';

/** The five steps as numbered tabs: where the parent is, and a way to jump back to any of them. */
export function StepNav(props: { applicationId: string; current: Step }) {
  const index = () => steps.indexOf(props.current);
  return (
    <nav class="steps" aria-label={zhApply.steps.of(index() + 1, steps.length)}>
      <ol>
        <For each={steps}>
          {(step, i) => (
            <li classList={{ 'step-done': i() < index(), 'step-current': i() === index() }}>
              <A href={stepPath(props.applicationId, step)} aria-current={i() === index() ? 'step' : undefined}>
                <span class="step-number" aria-hidden="true">
                  {i() + 1}
                </span>
                <span class="step-name">{stepName(step)}</span>
              </A>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}

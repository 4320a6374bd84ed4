import type { JSX } from 'solid-js';
import { Show } from 'solid-js';
import type { Problem } from '../lib/problem';

/** A section of the placement page: its heading (which names it for assistive technology), what it is for, the rest. */
export function PlacementPanel(props: { id: string; title: string; hint?: string; children: JSX.Element }) {
  return (
    <section class="staff-panel" aria-labelledby={props.id}>
      <h2 id={props.id} class="staff-section-title">
        {props.title}
      </h2>
      <Show when={props.hint}>
        <p class="staff-muted">{props.hint}</p>
      </Show>
      {props.children}
    </section>
  );
}

/** What the last write of a form was refused with, read out at once. */
export function WriteProblem(props: { problem: Problem | undefined }) {
  return (
    <Show when={props.problem}>
      {(p) => (
        <p class="staff-form-error" role="alert">
          {p().message}
        </p>
      )}
    </Show>
  );
}

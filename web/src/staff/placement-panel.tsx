import type { JSX } from 'solid-js';
import { Show } from 'solid-js';

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

import { Show } from 'solid-js';
import type { Problem } from '../lib/problem';

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

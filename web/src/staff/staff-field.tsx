import { type JSX, Show } from 'solid-js';

/**
 * A labelled desk field: the control (given as children, its id `id`), then its error, or else its hint. The message
 * below the control carries `${id}-note`, for the control's `aria-describedby`.
 */
export function StaffField(props: { id: string; label: string; error?: string; hint?: string; children: JSX.Element }) {
  return (
    <div class="staff-field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      <Show
        when={props.error}
        fallback={
          <Show when={props.hint}>
            <p id={`${props.id}-note`} class="staff-muted">
              {props.hint}
            </p>
          </Show>
        }
      >
        <p id={`${props.id}-note`} class="staff-field-error" role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

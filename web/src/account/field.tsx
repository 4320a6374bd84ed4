import { Show, type JSX } from 'solid-js';

/** A labelled input with its error right under it (announced, and tied to the input for screen readers). */
export function Field(props: { id: string; label: string; error?: string; hint?: string; children: JSX.Element; action?: JSX.Element }) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <div class="field-row">
        {props.children}
        {props.action}
      </div>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      </Show>
      <Show when={!props.error && props.hint}>
        <p class="muted">{props.hint}</p>
      </Show>
    </div>
  );
}

/** A page-level failure that belongs to no one field. */
export function FormError(props: { message?: string }) {
  return (
    <Show when={props.message}>
      <p class="form-error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}

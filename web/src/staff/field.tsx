import { type JSX, Show } from 'solid-js';

/**
 * A desk form's labelled field with its error from the last write (or its hint): `field(id, name, label, input, hint)`
 * over the form's `errors`, keyed by the write's field names.
 */
export function fieldsOf(errors: () => Record<string, string | undefined>) {
  return (id: string, name: string, label: string, input: () => JSX.Element, hint?: string) => (
    <div class="staff-field">
      <label for={id}>{label}</label>
      {input()}
      <Show when={errors()[name]} fallback={hint && <p class="staff-muted">{hint}</p>}>
        <p class="staff-field-error" role="alert">
          {errors()[name]}
        </p>
      </Show>
    </div>
  );
}

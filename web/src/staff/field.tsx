import type { JSX } from 'solid-js';
import { StaffField } from './staff-field';

/**
 * `field(id, name, label, input, hint)`: a `StaffField` whose error is the last write's message for the field `name`
 * (of the form's `errors`).
 */
export function fieldsOf(errors: () => Record<string, string | undefined>) {
  return (id: string, name: string, label: string, input: () => JSX.Element, hint?: string) => (
    <StaffField id={id} label={label} error={errors()[name]} hint={hint}>
      {input()}
    </StaffField>
  );
}

import { createSignal, type JSX, Show } from 'solid-js';
import { zhRegions } from '../i18n/zh-CN-staff-regions';
import { StaffField } from './staff-field';
import { formOnlyMessage, type Problem } from '../lib/problem';

export interface RegionFormValues {
  code: string;
  name: string;
  contactPhone: string;
  address: string;
  sponsor: string;
  icp: string;
}

export const emptyRegion: RegionFormValues = { code: '', name: '', contactPhone: '', address: '', sponsor: '', icp: '' };

/**
 * The fields of a region, for a new one (with its code) or an edit (the code is fixed). Shows the problem of the last
 * save by field, or as a whole, with `extra` beside it (e.g. 重新载入 after a conflict).
 */
export function RegionForm(props: {
  idPrefix: string;
  initial: RegionFormValues;
  withCode: boolean;
  pending: boolean;
  problem: Problem | undefined;
  submitLabel: string;
  onSubmit: (values: RegionFormValues) => void;
  onCancel?: () => void;
  extra?: JSX.Element;
}) {
  const [values, setValues] = createSignal({ ...props.initial });
  const errors = (): Record<string, string | undefined> => props.problem?.fields ?? {};
  const formError = () => formOnlyMessage(props.problem);
  const set = (key: keyof RegionFormValues) => (e: { currentTarget: HTMLInputElement }) =>
    setValues({ ...values(), [key]: e.currentTarget.value });

  const field = (key: keyof RegionFormValues, label: string, maxlength: number, hint?: string) => {
    const id = `${props.idPrefix}-${key}`;
    return (
      <StaffField id={id} label={label} error={errors()[key]} hint={hint}>
        <input
          id={id}
          class="staff-input"
          autocomplete="off"
          maxlength={maxlength}
          value={values()[key]}
          aria-invalid={!!errors()[key]}
          onInput={set(key)}
        />
      </StaffField>
    );
  };

  return (
    <form
      class="staff-create"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(values());
      }}
    >
      <Show when={props.withCode}>{field('code', zhRegions.fields.code, 40, zhRegions.fields.codeHint)}</Show>
      {field('name', zhRegions.fields.name, 40)}
      {field('contactPhone', zhRegions.fields.contactPhone, 20, zhRegions.fields.phoneHint)}
      {field('address', zhRegions.fields.address, 120)}
      {field('sponsor', zhRegions.fields.sponsor, 60)}
      {field('icp', zhRegions.fields.icp, 40)}
      <div class="staff-create-actions">
        <button type="submit" class="staff-button staff-button-primary" disabled={props.pending}>
          {props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="staff-button" onClick={() => props.onCancel?.()}>
            {zhRegions.cancel}
          </button>
        </Show>
      </div>
      <Show when={formError()}>
        <div class="staff-field" role="alert">
          <p class="staff-field-error">{formError()}</p>
          {props.extra}
        </div>
      </Show>
    </form>
  );
}

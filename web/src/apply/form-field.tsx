import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { FormField } from '../../../src/domain/application-form';
import { zhApply } from '../i18n/zh-CN-apply';
import { fieldKinds } from './field-kinds';

export interface FieldProps {
  field: FormField;
  label: string;
  value: unknown;
  error?: string;
  communities: readonly string[];
  /** The parent typed: save after a pause. */
  onInput: (value: unknown) => void;
  /** The parent left the field or picked a value: save now (resolves once saved). */
  onCommit: (value: unknown) => Promise<void>;
}

const textOf = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const orNull = (text: string) => (text.trim() === '' ? null : text);
const months = (text: string) => (text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : text);

/** One form field, entered the way its kind suggests on a phone, with its error right under it. */
export function FormFieldInput(props: FieldProps) {
  const id = () => `field-${props.field}`;
  const kind = () => fieldKinds[props.field];
  const invalid = () => Boolean(props.error);
  const described = () => (props.error ? `${id()}-error` : undefined);

  return (
    <div class="field" classList={{ 'field-invalid': invalid() }}>
      <Show
        when={kind().type !== 'yesno'}
        fallback={
          <span class="field-label" id={`${id()}-label`}>
            {props.label}
          </span>
        }
      >
        <label class="field-label" for={id()}>
          {props.label}
        </label>
      </Show>
      <Switch>
        <Match when={kind().type === 'community'}>
          <select
            id={id()}
            class="select"
            value={textOf(props.value)}
            aria-invalid={invalid()}
            aria-describedby={described()}
            onChange={(e) => void props.onCommit(orNull(e.currentTarget.value))}
          >
            <option value="">{zhApply.formStep.chooseCommunity}</option>
            <For each={props.communities}>{(name) => <option value={name}>{name}</option>}</For>
          </select>
        </Match>
        <Match when={kind().type === 'choice' && (kind() as Extract<ReturnType<typeof kind>, { type: 'choice' }>)}>
          {(choice) => (
            <select
              id={id()}
              class="select"
              value={textOf(props.value)}
              aria-invalid={invalid()}
              aria-describedby={described()}
              onChange={(e) => void props.onCommit(orNull(e.currentTarget.value))}
            >
              <option value="">{zhApply.formStep.choose}</option>
              <For each={Object.entries(choice().options)}>{([value, label]) => <option value={value}>{label}</option>}</For>
            </select>
          )}
        </Match>
        <Match when={kind().type === 'yesno'}>
          <div class="segmented" role="radiogroup" aria-labelledby={`${id()}-label`} aria-describedby={described()}>
            <For each={[true, false]}>
              {(answer) => (
                <label class="segment" classList={{ 'segment-on': props.value === answer }}>
                  <input type="radio" name={id()} checked={props.value === answer} onChange={() => void props.onCommit(answer)} />
                  {answer ? zhApply.formStep.yes : zhApply.formStep.no}
                </label>
              )}
            </For>
          </div>
          <Show when={props.value === false}>
            <p class="muted">{zhApply.formStep.noHint}</p>
          </Show>
        </Match>
        <Match when={kind().type === 'date'}>
          <input
            id={id()}
            class="input"
            type="date"
            min="1950-01-01"
            max="2030-12-31"
            value={textOf(props.value)}
            aria-invalid={invalid()}
            aria-describedby={described()}
            onChange={(e) => void props.onCommit(orNull(e.currentTarget.value))}
          />
        </Match>
        <Match when={kind().type === 'id'}>
          <IdNumberInput {...props} id={id()} />
        </Match>
        <Match when={kind().type === 'months'}>
          <div class="field-row">
            <input
              id={id()}
              class="input"
              type="text"
              inputmode="numeric"
              maxlength="3"
              value={textOf(props.value)}
              aria-invalid={invalid()}
              aria-describedby={described()}
              onInput={(e) => props.onInput(months(e.currentTarget.value))}
              onChange={(e) => void props.onCommit(months(e.currentTarget.value))}
            />
            <span class="unit">{zhApply.formStep.months}</span>
          </div>
        </Match>
        <Match when={kind().type === 'text' && (kind() as Extract<ReturnType<typeof kind>, { type: 'text' }>)}>
          {(text) => (
            <Show
              when={text().multiline}
              fallback={
                <input
                  id={id()}
                  class="input"
                  type="text"
                  autocomplete="off"
                  maxlength={text().max}
                  placeholder={text().placeholder}
                  value={textOf(props.value)}
                  aria-invalid={invalid()}
                  aria-describedby={described()}
                  onInput={(e) => props.onInput(orNull(e.currentTarget.value))}
                  onChange={(e) => void props.onCommit(orNull(e.currentTarget.value))}
                />
              }
            >
              <textarea
                id={id()}
                class="input textarea"
                rows="4"
                maxlength={text().max}
                value={textOf(props.value)}
                aria-invalid={invalid()}
                aria-describedby={described()}
                onInput={(e) => props.onInput(orNull(e.currentTarget.value))}
                onChange={(e) => void props.onCommit(orNull(e.currentTarget.value))}
              />
            </Show>
          )}
        </Match>
      </Switch>
      <Show when={props.error}>
        <p class="field-error" id={`${id()}-error`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/**
 * An ID number the server keeps sealed: once saved, only its masked form comes back, shown as saved with 修改;
 * 修改 opens an empty input for the whole number again.
 */
function IdNumberInput(props: FieldProps & { id: string }) {
  const masked = () => (typeof props.value === 'string' && props.value.includes('*') ? props.value : undefined);
  const [editing, setEditing] = createSignal(!masked());
  const [typed, setTyped] = createSignal(masked() ? '' : textOf(props.value));
  const commit = async (text: string) => {
    // 修改 tapped, nothing typed: the saved number stays (clearing it takes more than leaving the field).
    if (!text.trim() && masked()) {
      props.onInput(masked());
      setEditing(false);
      return;
    }
    await props.onCommit(orNull(text));
    if (masked() && !props.error) setEditing(false);
  };
  return (
    <Show
      when={editing()}
      fallback={
        <div class="saved-id">
          <span class="id-masked" id={props.id}>
            {masked()}
          </span>
          <span class="tag tag-saved">{zhApply.formStep.savedTag}</span>
          <button
            type="button"
            class="button button-small"
            aria-label={`${zhApply.formStep.changeId}${props.label}`}
            onClick={() => {
              setTyped('');
              setEditing(true);
              queueMicrotask(() => document.getElementById(props.id)?.focus());
            }}
          >
            {zhApply.formStep.changeId}
          </button>
        </div>
      }
    >
      <input
        id={props.id}
        class="input"
        type="text"
        autocomplete="off"
        autocapitalize="characters"
        maxlength="18"
        placeholder={zhApply.formStep.idPlaceholder}
        value={typed()}
        aria-invalid={Boolean(props.error)}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setTyped(text);
          props.onInput(!text.trim() && masked() ? masked() : orNull(text));
        }}
        onChange={(e) => void commit(e.currentTarget.value)}
      />
    </Show>
  );
}

import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { type FormField, type RevealName, revealNameOf, type SecretField } from '../../../src/domain/application-form';
import { zhApply } from '../i18n/zh-CN-apply';
import { type FieldKind, fieldKinds } from './field-kinds';
import { NeedsFix } from './rejection-banner';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';

export interface FieldProps {
  field: FormField;
  label: string;
  /** The application the field belongs to (an ID number's full form is read from it). */
  applicationId: string;
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
            <NeedsFix field={props.field} />
          </span>
        }
      >
        <label class="field-label" for={id()}>
          {props.label}
          <NeedsFix field={props.field} />
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
          <IdNumberInput {...props} id={id()} kind={kind() as Extract<FieldKind, { type: 'id' }>} />
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

/** The full ID number the parent typed into their own application (audited by the server). */
const revealOwnId = write('apply.revealId', (applicationId: string, field: RevealName) =>
  api.applications.revealId.mutate({ applicationId, field }),
);

/**
 * An ID number the server keeps sealed: once saved, only its masked form comes back, shown as saved with 显示 (the
 * full number the parent typed, to check it) and 修改 (an input holding that number, kept unless changed).
 */
function IdNumberInput(props: FieldProps & { id: string; kind: Extract<FieldKind, { type: 'id' }> }) {
  const masked = () => (typeof props.value === 'string' && props.value.includes('*') ? props.value : undefined);
  const owner = () => revealNameOf[props.field as SecretField];
  const [editing, setEditing] = createSignal(!masked());
  const [typed, setTyped] = createSignal(masked() ? '' : textOf(props.value));
  const [full, setFull] = createSignal<string>();
  const reveal = useWrite(revealOwnId, ([applicationId, field]) => applicationId === props.applicationId && field === owner());
  const fetchFull = async () => {
    if (full()) return full();
    const answer = await reveal.run(props.applicationId, owner());
    if (answer?.ok) setFull(answer.value.idNumber);
    return full();
  };
  const commit = async (text: string) => {
    // Left as it was, or emptied: the saved number stays (clearing it takes more than leaving the field).
    if (masked() && (!text.trim() || text.trim() === full())) {
      props.onInput(masked());
      setEditing(false);
      return;
    }
    await props.onCommit(orNull(text));
    if (masked() && !props.error) {
      setFull(undefined);
      setEditing(false);
    }
  };
  return (
    <Show
      when={editing()}
      fallback={
        <div class="saved-id">
          <span class="id-masked" id={props.id}>
            {full() ?? masked()}
          </span>
          <span class="tag tag-saved">{zhApply.formStep.savedTag}</span>
          <Show when={!full()}>
            <button
              type="button"
              class="button button-small"
              disabled={reveal.pending()}
              aria-label={`${zhApply.formStep.showId}${props.label}`}
              onClick={() => void fetchFull()}
            >
              {zhApply.formStep.showId}
            </button>
          </Show>
          <button
            type="button"
            class="button button-small"
            disabled={reveal.pending()}
            aria-label={`${zhApply.formStep.changeId}${props.label}`}
            onClick={async () => {
              setTyped((await fetchFull()) ?? '');
              setEditing(true);
              queueMicrotask(() => document.getElementById(props.id)?.focus());
            }}
          >
            {zhApply.formStep.changeId}
          </button>
          <Show when={reveal.problem()}>
            <p class="field-error" role="alert">
              {reveal.problem()?.message}
            </p>
          </Show>
        </div>
      }
    >
      <input
        id={props.id}
        class="input"
        type="text"
        autocomplete="off"
        autocapitalize="characters"
        maxlength={props.kind.max}
        placeholder={props.kind.placeholder}
        value={typed()}
        aria-invalid={Boolean(props.error)}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setTyped(text);
          props.onInput(masked() && (!text.trim() || text.trim() === full()) ? masked() : orNull(text));
        }}
        onChange={(e) => void commit(e.currentTarget.value)}
      />
    </Show>
  );
}

import { createAsync, Navigate, useBeforeLeave, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  commonRequired,
  entryFields,
  fieldLabels,
  type FormField,
  formFields,
  isSecretField,
  maskSecret,
  secretFields,
} from '../../../src/domain/application-form';
import { FormError } from '../account/field';
import { zhApply } from '../i18n/zh-CN-apply';
import type { MissingItem } from '../../../src/domain/application-missing';
import { type Application, getApplication, refreshApplication } from '../lib/applications';
import { getCommunities, getEntryRegion } from '../lib/catalog';
import { ready } from '../lib/ready';
import { createDraftSaver } from './draft-saver';
import { FormFieldInput } from './form-field';
import { IncompleteNotice } from './incomplete-notice';
import { precheckPrefill, takePrecheck } from './precheck-memory';
import { StepFrame } from './step-frame';
import { missingOn, stepPath } from './steps';
import { useApplication } from './use-application';

/** Typing is saved after this pause; leaving a field or picking a value saves at once. */
const typingPauseMs = 1200;

/** `/applications/:id/form`: the common fields and the channel's own, saved field by field as the parent goes. */
export function FormStep() {
  const { app } = useApplication();
  return (
    <Show when={app()}>
      {(a) => (
        <StepFrame app={a()} step="form" title={zhApply.formStep.title}>
          <Show when={a().channel} fallback={<ChannelFirst app={a()} />}>
            {(channel) => <DraftForm app={a()} channelCode={channel().code} channelName={channel().label} />}
          </Show>
        </StepFrame>
      )}
    </Show>
  );
}

/** No channel yet: its fields are unknown, so the channel comes first. */
const ChannelFirst = (props: { app: Application }) => <Navigate href={stepPath(props.app.id, 'channel')} />;

function DraftForm(props: { app: Application; channelCode: string; channelName: string }) {
  const navigate = useNavigate();
  const region = createAsync(() => getEntryRegion(props.app.entry.id));
  const communities = createAsync(() =>
    getEntryRegion(props.app.entry.id)
      .then((r) => getCommunities(r.id))
      .then((list) => list.map((c) => c.name)),
  );
  // What the parent sees: the draft as the server holds it, then every keystroke (never overwritten by a save).
  const [values, setValues] = createStore<Record<string, unknown>>({ ...props.app.form });
  const [touched, setTouched] = createStore<Record<string, boolean>>({});
  const [leaving, setLeaving] = createSignal(false);
  const [incomplete, setIncomplete] = createSignal<MissingItem[]>([]);
  const applicationId = props.app.id;
  let changed = false;

  const saver = createDraftSaver(applicationId, props.app.form, (fields) => {
    changed = true;
    for (const field of secretFields) {
      const value = fields[field];
      if (typeof value === 'string') setValues(field, maskSecret(field, value.trim().toUpperCase().replace(/\s/g, '')));
    }
  });

  const fields = () => formFields({ entry: props.app.entry.code, channel: props.channelCode }, values as Record<FormField, unknown>);
  const common = () => fields().filter((f) => commonRequired.includes(f));
  const schooling = () => entryFields[props.app.entry.code];
  const specific = () => fields().filter((f) => !commonRequired.includes(f) && !schooling().includes(f));

  // What 通道预查 learned fills the fields still empty, saved like typing; the parent checks and may change each.
  const precheckFacts = takePrecheck(applicationId);
  const [prefilled, setPrefilled] = createSignal<FormField[]>([]);
  createEffect(
    on(communities, (list) => {
      if (!precheckFacts || !list) return;
      const prefill = precheckPrefill(precheckFacts, values, fields(), list);
      for (const [field, value] of Object.entries(prefill) as [FormField, string][]) {
        if (!secretFields.includes(field as (typeof secretFields)[number])) setValues(field, value);
        saver.change(field, value, 0);
      }
      setPrefilled(Object.keys(prefill) as FormField[]);
      void saver.flush();
    }),
  );

  const onInput = (field: FormField) => (value: unknown) => {
    if (!isSecretField(field)) setValues(field, value);
    saver.change(field, value, typingPauseMs);
  };
  const onCommit = (field: FormField) => async (value: unknown) => {
    if (!isSecretField(field)) setValues(field, value);
    setTouched(field, true);
    saver.change(field, value, 0);
    await saver.flush();
  };

  // Whatever is still queued goes to the server before the page is left (a tab, a link, the phone's back button).
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void saver.flush();
  };
  document.addEventListener('visibilitychange', onHidden);
  onCleanup(() => {
    document.removeEventListener('visibilitychange', onHidden);
    if (changed) void refreshApplication(applicationId);
  });
  useBeforeLeave((event) => {
    if (!saver.dirty() && !changed) return;
    event.preventDefault();
    void saver
      .flush()
      .then(() => refreshApplication(applicationId))
      .finally(() => {
        changed = false;
        event.retry(true);
      });
  });

  const next = async () => {
    setLeaving(true);
    try {
      await saver.flush();
      for (const field of fields()) if (saver.error(field)) setTouched(field, true);
      if (saver.hasErrors()) {
        document.querySelector<HTMLElement>('.field-invalid input, .field-invalid select, .field-invalid textarea')?.focus();
        return;
      }
      await refreshApplication(applicationId);
      changed = false;
      const missing = missingOn('form', (await getApplication(applicationId)).missing);
      setIncomplete(missing);
      if (missing.length === 0) navigate(stepPath(applicationId, 'documents'));
    } finally {
      setLeaving(false);
    }
  };

  const field = (f: FormField) => (
    <FormFieldInput
      field={f}
      applicationId={applicationId}
      label={fieldLabels[f]}
      value={values[f]}
      error={touched[f] ? saver.error(f) : undefined}
      communities={communities() ?? []}
      onInput={onInput(f)}
      onCommit={onCommit(f)}
    />
  );

  return (
    <Show when={ready(region(), communities())}>
      <p class="muted">{zhApply.formStep.hint}</p>
      <p class="notice-ok">{zhApply.formStep.channel(props.channelName)}</p>
      <Show when={prefilled().length > 0}>
        <p class="notice notice-plain" role="status">
          {zhApply.formStep.prefilled(prefilled().map((f) => fieldLabels[f]))}
        </p>
      </Show>
      <section class="form-card">
        <h2 class="section-title">{zhApply.formStep.common}</h2>
        <dl class="facts">
          <dt>{zhApply.preview.child}</dt>
          <dd>{props.app.child.name}</dd>
          <dt>{zhApply.preview.idNumber}</dt>
          <dd class="id-masked">{props.app.child.idNumberMasked}</dd>
        </dl>
        <For each={common()}>{field}</For>
      </section>
      <Show when={schooling().length > 0}>
        <section class="form-card">
          <h2 class="section-title">{zhApply.formStep.schooling}</h2>
          <For each={schooling()}>{field}</For>
        </section>
      </Show>
      <Show when={specific().length > 0}>
        <section class="form-card">
          <h2 class="section-title">{zhApply.formStep.specific}</h2>
          <For each={specific()}>{field}</For>
        </section>
      </Show>
      <FormError message={saver.formError()} />
      <div class="step-actions">
        <p class="save-status" role="status" aria-live="polite">
          <Switch>
            <Match when={saver.status() === 'saving'}>{zhApply.formStep.saving}</Match>
            <Match when={saver.status() === 'saved'}>{zhApply.formStep.saved}</Match>
            <Match when={saver.status() === 'failed'}>
              <span class="field-error">{zhApply.formStep.saveFailed}</span>
            </Match>
          </Switch>
        </p>
        <Show when={incomplete().length > 0}>
          <IncompleteNotice items={incomplete()} onContinue={() => navigate(stepPath(applicationId, 'documents'))} />
        </Show>
        <button type="button" class="button button-primary button-block" disabled={leaving()} onClick={() => void next()}>
          {zhApply.steps.next}
        </button>
      </div>
    </Show>
  );
}

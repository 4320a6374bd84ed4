import { createSignal, For, Show } from 'solid-js';
import { zhChannels } from '../i18n/zh-CN-staff-channels';
import type { Channel } from '../lib/catalog';
import { useWrite } from '../lib/write';
import { ChannelCard } from '../parent/channel-card';
import { type ChannelSettings, createChannel, type ListedChannel, rereadChannels, updateChannel } from './channels-data';
import { DocumentEditor } from './document-editor';
import { StaffField } from './staff-field';

const t = zhChannels;
const f = zhChannels.fields;
type Eligibility = ChannelSettings['eligibility'];
const checks = Object.keys(t.checks) as Eligibility['check'][];
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The form's values as the API takes them: blanks are none, the months a number. */
function settingsOf(s: {
  name: string;
  definition: string;
  eligibility: Eligibility;
  before: string;
  months: string;
  documents: ChannelSettings['documents'];
  enabled: boolean;
}): ChannelSettings {
  const { before: _before, minInsuredMonths: _months, ...rest } = s.eligibility;
  return {
    name: s.name.trim(),
    definition: s.definition.trim(),
    eligibility: {
      ...rest,
      ...(s.before ? { before: s.before } : {}),
      ...(s.months ? { minInsuredMonths: Number(s.months) } : {}),
    },
    documents: s.documents,
    enabled: s.enabled,
  };
}

/**
 * A channel's editor (or a new channel's, in `trackId`): typed fields for its parameters, its documents, and beside them
 * the channel exactly as parents see it (their own card), drawn from what is typed and not yet saved.
 */
export function ChannelForm(props: { trackId: string; channel?: ListedChannel; onDone: (message: string) => void; onCancel: () => void }) {
  const start = props.channel;
  const [code, setCode] = createSignal('');
  const [name, setName] = createSignal(start?.name ?? '');
  const [definition, setDefinition] = createSignal(start?.definition ?? '');
  const [eligibility, setEligibility] = createSignal<Eligibility>(
    start?.eligibility ?? { check: 'other', verifiable: false, manualProof: true },
  );
  const [before, setBefore] = createSignal(start?.eligibility.before ?? '');
  const [months, setMonths] = createSignal(start?.eligibility.minInsuredMonths ? String(start.eligibility.minInsuredMonths) : '');
  const [documents, setDocuments] = createSignal<ChannelSettings['documents']>(start?.documents ?? [{ kind: '', name: '' }]);
  const [enabled, setEnabled] = createSignal(start?.enabled ?? true);
  const settings = () =>
    settingsOf({
      name: name(),
      definition: definition(),
      eligibility: eligibility(),
      before: before(),
      months: months(),
      documents: documents(),
      enabled: enabled(),
    });

  const updating = useWrite(updateChannel, ([input]) => input.channelId === start?.id);
  const creating = useWrite(createChannel, ([input]) => input.trackId === props.trackId);
  const saving = start ? updating : creating;
  const fieldError = (field: string) => saving.problem()?.fields[field];
  const shownFields = ['code', 'name', 'definition', 'eligibility', 'documents', 'check'];
  const formError = () => {
    const p = saving.problem();
    return p && !shownFields.some((field) => p.fields[field]) ? p.message : undefined;
  };
  const conflict = () => saving.problem()?.code === 'CONFLICT' && saving.problem()?.domainCode === 'CHANNEL_CHANGED';

  /** The unsaved form as the parents' card takes it (a date only once it is a whole date). */
  const preview = (): Channel => {
    const s = settings();
    const { before: day, ...rest } = s.eligibility;
    return {
      id: start?.id ?? 'preview',
      code: start?.code ?? code(),
      name: s.name || t.fields.name,
      definition: s.definition,
      eligibility: { ...rest, ...(day && isDay(day) ? { before: day } : {}) },
      documents: s.documents.filter((d) => d.name.trim()),
    };
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (start) {
      const done = await updating.run({ channelId: start.id, version: start.version, ...settings() });
      if (done?.ok) props.onDone(t.saved(settings().name) + t.rechecked(done.value.rechecked));
    } else {
      const done = await creating.run({ trackId: props.trackId, code: code().trim(), ...settings() });
      if (done?.ok) props.onDone(t.created(settings().name));
    }
  };
  const id = (field: string) => `channel-${start?.id ?? `new-${props.trackId}`}-${field}`;

  return (
    <div class="channels-editor">
      <form class="staff-form" onSubmit={(e) => void save(e)} novalidate>
        <Show when={!start}>
          <StaffField id={id('code')} label={f.code} hint={f.codeHint} error={fieldError('code')}>
            <input id={id('code')} class="staff-input" value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
          </StaffField>
        </Show>
        <StaffField id={id('name')} label={f.name} error={fieldError('name')}>
          <input id={id('name')} class="staff-input" maxlength="80" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </StaffField>
        <StaffField id={id('definition')} label={f.definition} error={fieldError('definition')}>
          <textarea
            id={id('definition')}
            class="staff-input staff-textarea"
            rows="4"
            maxlength="1000"
            value={definition()}
            onInput={(e) => setDefinition(e.currentTarget.value)}
          />
        </StaffField>
        <StaffField id={id('check')} label={f.check} error={fieldError('check')}>
          <select
            id={id('check')}
            class="staff-select"
            value={eligibility().check}
            onChange={(e) => setEligibility({ ...eligibility(), check: e.currentTarget.value as Eligibility['check'] })}
          >
            <For each={checks}>{(check) => <option value={check}>{t.checks[check]}</option>}</For>
          </select>
        </StaffField>
        <StaffField id={id('before')} label={f.before} hint={f.beforeHint} error={fieldError('eligibility')}>
          <input
            id={id('before')}
            type="date"
            class="staff-input"
            value={before()}
            aria-describedby={`${id('before')}-note`}
            onInput={(e) => setBefore(e.currentTarget.value)}
          />
        </StaffField>
        <StaffField id={id('months')} label={f.minInsuredMonths} hint={f.minInsuredMonthsHint}>
          <input
            id={id('months')}
            type="number"
            min="1"
            max="240"
            class="staff-input"
            value={months()}
            onInput={(e) => setMonths(e.currentTarget.value)}
          />
        </StaffField>
        <label class="staff-check">
          <input
            type="checkbox"
            checked={eligibility().verifiable}
            onChange={(e) => setEligibility({ ...eligibility(), verifiable: e.currentTarget.checked })}
          />
          {f.verifiable}
        </label>
        <label class="staff-check">
          <input
            type="checkbox"
            checked={eligibility().manualProof}
            onChange={(e) => setEligibility({ ...eligibility(), manualProof: e.currentTarget.checked })}
          />
          {f.manualProof}
        </label>
        <label class="staff-check">
          <input type="checkbox" checked={enabled()} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          {f.enabled}
        </label>
        <DocumentEditor documents={documents()} onChange={setDocuments} error={fieldError('documents')} />
        <Show when={formError()}>
          <div class="staff-form-error" role="alert">
            <p>{formError()}</p>
            <Show when={conflict()}>
              <button type="button" class="staff-button" onClick={() => void rereadChannels()}>
                {t.reload}
              </button>
            </Show>
          </div>
        </Show>
        <div class="pages-actions">
          <button type="submit" class="staff-button staff-button-primary" disabled={saving.pending()}>
            {saving.pending() ? t.saving : t.save}
          </button>
          <button type="button" class="staff-button" onClick={() => props.onCancel()}>
            {t.cancel}
          </button>
        </div>
      </form>
      <section class="channels-preview" aria-labelledby={id('preview')}>
        <h3 id={id('preview')} class="pages-preview-title">
          {t.preview}
        </h3>
        <div class="channel-list">
          <ChannelCard channel={preview()} open />
        </div>
      </section>
    </div>
  );
}

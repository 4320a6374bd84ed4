import { A, createAsync, useNavigate } from '@solidjs/router';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { FormError } from '../account/field';
import { DemandNotice } from '../parent/demand-notice';
import { zhApply } from '../i18n/zh-CN-apply';
import type { MissingItem } from '../../../src/domain/application-missing';
import { type Application, getApplication, refreshApplication } from '../lib/applications';
import { getEntryRegion, getServingSchools, type School } from '../lib/catalog';
import { api, type RouterInputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { DocumentRow } from './document-row';
import { IncompleteNotice } from './incomplete-notice';
import { SiblingFields, type SiblingDraft } from './sibling-fields';
import { StepFrame } from './step-frame';
import { missingOn, stepPath } from './steps';
import { useApplication } from './use-application';

/** `/applications/:id/schools`: two different schools serving the family's community, and optional sibling priority. */
export function SchoolsStep() {
  const { app } = useApplication();
  return (
    <Show when={app()}>
      {(a) => (
        <StepFrame app={a()} step="schools" title={zhApply.schoolsStep.title}>
          <Show
            when={a().track && typeof a().form.community === 'string' && a().form.community}
            fallback={
              <div class="notice notice-plain">
                <p>{zhApply.schoolsStep.needCommunity}</p>
                <A class="button button-primary" href={stepPath(a().id, a().track ? 'form' : 'channel')}>
                  {zhApply.schoolsStep.toForm}
                </A>
              </div>
            }
          >
            <SchoolChoice app={a()} community={String(a().form.community)} level={a().track!.level} />
          </Show>
        </StepFrame>
      )}
    </Show>
  );
}

/**
 * The sibling's full ID number is sealed on the server and never comes back; it is kept here, for this visit, so
 * that changing a school does not make the parent type it again.
 */
const typedSiblingIds = new Map<string, string>();

/** Saves the two schools and the sibling claim, then reads the application again. */
const chooseSchools = write('apply.chooseSchools', async (input: RouterInputs['applications']['chooseSchools']) => {
  await api.applications.chooseSchools.mutate(input);
  await refreshApplication(input.applicationId);
  return true;
});

function SchoolChoice(props: { app: Application; community: string; level: 'primary' | 'junior' }) {
  const navigate = useNavigate();
  const schools = createAsync(() => {
    // Every input is read before the first await: after it, the props may belong to a page already left.
    const { level, community } = props;
    return getEntryRegion(props.app.entry.id).then((region) => getServingSchools(region.id, level, community));
  });
  const [first, setFirst] = createSignal(props.app.schools.first?.id ?? '');
  const [second, setSecond] = createSignal(props.app.schools.second?.id ?? '');
  const [sibling, setSibling] = createSignal<SiblingDraft>({
    claimed: Boolean(props.app.sibling),
    idNumber: typedSiblingIds.get(props.app.id) ?? '',
    idMasked: props.app.sibling?.idMasked ?? null,
    schoolId: props.app.sibling?.schoolId ?? '',
    remark: props.app.sibling?.remark ?? '',
  });
  const choice = useWrite(chooseSchools, ([input]) => input.applicationId === props.app.id);
  const errors = (): Record<string, string | undefined> => choice.problem()?.fields ?? {};
  const formError = () => {
    const p = choice.problem();
    return p && !Object.values(p.fields).some(Boolean) ? p.message : undefined;
  };
  const status = () => (choice.pending() ? 'saving' : choice.last()?.result ? 'saved' : 'idle');
  let running: Promise<void> | null = null;
  let again = false;

  const different = () => !first() || !second() || first() !== second();
  const siblingReady = (s: SiblingDraft) => !s.claimed || (Boolean(s.idNumber.trim()) && Boolean(s.schoolId));

  /** Saves the choice once it is complete: both schools, and the sibling's details when priority is claimed. */
  const save = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    const s = sibling();
    if (!first() || !second() || !different()) return;
    if (s.claimed && !siblingReady(s)) return;
    // Priority claimed earlier, number not typed on this visit: keep the saved claim until it is typed again.
    running = (async () => {
      const saved = await choice.run({
        applicationId: props.app.id,
        firstSchoolId: first(),
        secondSchoolId: second(),
        sibling: s.claimed ? { idNumber: s.idNumber, schoolId: s.schoolId, remark: s.remark } : null,
      });
      if (saved?.ok && s.claimed) typedSiblingIds.set(props.app.id, s.idNumber);
      running = null;
    })();
    await running;
    if (again) {
      again = false;
      await save();
    }
  };

  // Typing is saved after a pause too (reloading mid-remark keeps it); a half-typed ID number waits for the field to be left.
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(typingTimer));
  const saveAfterTyping = (next: SiblingDraft) => {
    clearTimeout(typingTimer);
    const id = next.idNumber.trim();
    if (id && id.length !== 18) return;
    typingTimer = setTimeout(() => void save(), 1200);
  };

  const options = (list: readonly School[]) => <For each={list}>{(school) => <option value={school.id}>{school.name}</option>}</For>;
  const chosen = () => (schools() ?? []).filter((s) => s.id === first() || s.id === second());
  const pendingClaim = () => sibling().claimed && Boolean(sibling().idMasked) && !sibling().idNumber.trim();

  const [incomplete, setIncomplete] = createSignal<MissingItem[]>([]);
  const toPreview = () => navigate(stepPath(props.app.id, 'preview'));
  const next = async () => {
    if (!different()) return;
    await save();
    if (errors() && Object.values(errors()).some(Boolean)) return;
    const missing = missingOn('schools', (await getApplication(props.app.id)).missing);
    setIncomplete(missing);
    if (missing.length === 0) toPreview();
  };

  return (
    <Show when={schools()}>
      {(list) => (
        <>
          <p class="muted">{zhApply.schoolsStep.hint}</p>
          <p class="notice-ok">{zhApply.schoolsStep.community(props.community)}</p>
          <Show when={list().length > 0} fallback={<p class="empty">{zhApply.schoolsStep.none}</p>}>
            <section class="form-card">
              <label class="field">
                <span class="field-label">{zhApply.schoolsStep.first}</span>
                <select
                  id="field-schools"
                  class="select"
                  value={first()}
                  aria-invalid={Boolean(errors().firstSchoolId)}
                  onChange={(e) => {
                    setFirst(e.currentTarget.value);
                    void save();
                  }}
                >
                  <option value="">{zhApply.schoolsStep.choose}</option>
                  {options(list())}
                </select>
                <Show when={errors().firstSchoolId}>
                  <span class="field-error" role="alert">
                    {errors().firstSchoolId}
                  </span>
                </Show>
              </label>
              <label class="field">
                <span class="field-label">{zhApply.schoolsStep.second}</span>
                <select
                  class="select"
                  value={second()}
                  aria-invalid={!different() || Boolean(errors().secondSchoolId)}
                  onChange={(e) => {
                    setSecond(e.currentTarget.value);
                    void save();
                  }}
                >
                  <option value="">{zhApply.schoolsStep.choose}</option>
                  {options(list())}
                </select>
                <Show when={!different() ? zhApply.schoolsStep.different : errors().secondSchoolId}>
                  {(message) => (
                    <span class="field-error" role="alert">
                      {message()}
                    </span>
                  )}
                </Show>
              </label>
            </section>
            <For each={chosen()}>{(school) => <DemandNotice school={school} named />}</For>
          </Show>

          <SiblingFields
            draft={sibling()}
            schools={chosen()}
            errors={errors()}
            pendingClaim={pendingClaim()}
            onChange={(next, commit) => {
              setSibling(next);
              if (commit) void save();
              else saveAfterTyping(next);
            }}
          />
          <Show when={props.app.sibling && sibling().claimed}>
            <section class="section">
              <h2 class="section-title">{zhApply.schoolsStep.siblingProofs}</h2>
              <ul class="doc-rows">
                <For each={props.app.sibling!.documents.map((d) => d.kind)}>
                  {(kind) => (
                    <DocumentRow
                      applicationId={props.app.id}
                      document={props.app.sibling!.documents.find((d) => d.kind === kind)!}
                      files={props.app.documents.filter((d) => d.kind === kind)}
                      onChanged={() => refreshApplication(props.app.id)}
                    />
                  )}
                </For>
              </ul>
            </section>
          </Show>

          <FormError message={formError()} />
          <div class="step-actions">
            <p class="save-status" role="status" aria-live="polite">
              {status() === 'saving' ? zhApply.formStep.saving : status() === 'saved' ? zhApply.formStep.saved : ''}
            </p>
            <Show when={incomplete().length > 0}>
              <IncompleteNotice items={incomplete()} onContinue={toPreview} />
            </Show>
            <button type="button" class="button button-primary button-block" disabled={!different()} onClick={() => void next()}>
              {zhApply.steps.toPreview}
            </button>
          </div>
        </>
      )}
    </Show>
  );
}

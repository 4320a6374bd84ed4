import { For, Show } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import type { School } from '../lib/catalog';

export interface SiblingDraft {
  claimed: boolean;
  /** The full number as typed on this visit ('' when only the saved masked form is known). */
  idNumber: string;
  idMasked: string | null;
  schoolId: string;
  remark: string;
}

/**
 * 兄姐同校优先 (guide 三(七)): the sibling's ID number, which of the two chosen schools, a remark. `onChange` gets
 * the new draft and whether to save now (a pick, or leaving a text field) rather than on the next commit.
 */
export function SiblingFields(props: {
  draft: SiblingDraft;
  schools: readonly School[];
  errors: Record<string, string | undefined>;
  pendingClaim: boolean;
  onChange: (draft: SiblingDraft, commit: boolean) => void;
}) {
  const set = (patch: Partial<SiblingDraft>, commit: boolean) => props.onChange({ ...props.draft, ...patch }, commit);
  return (
    <section class="form-card sibling">
      <h2 class="section-title">{zhApply.schoolsStep.sibling}</h2>
      <p class="muted">{zhApply.schoolsStep.siblingHint}</p>
      <label class="check">
        <input type="checkbox" checked={props.draft.claimed} onChange={(e) => set({ claimed: e.currentTarget.checked }, true)} />
        {zhApply.schoolsStep.siblingClaim}
      </label>
      <Show when={props.draft.claimed}>
        <div class="field">
          <label class="field-label" for="sibling-id">
            {zhApply.schoolsStep.siblingId}
          </label>
          <input
            id="sibling-id"
            class="input"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            maxlength="18"
            placeholder={props.draft.idMasked ?? zhApply.schoolsStep.siblingIdPlaceholder}
            value={props.draft.idNumber}
            aria-invalid={Boolean(props.errors['sibling.idNumber'])}
            onInput={(e) => set({ idNumber: e.currentTarget.value }, false)}
            onChange={(e) => set({ idNumber: e.currentTarget.value }, true)}
          />
          <Show
            when={props.errors['sibling.idNumber']}
            fallback={
              <Show when={props.pendingClaim}>
                <p class="muted">
                  {zhApply.schoolsStep.siblingSaved(props.draft.idMasked ?? '')}。{zhApply.schoolsStep.siblingRetype}
                </p>
              </Show>
            }
          >
            <p class="field-error" role="alert">
              {props.errors['sibling.idNumber']}
            </p>
          </Show>
        </div>
        <label class="field">
          <span class="field-label">{zhApply.schoolsStep.siblingSchool}</span>
          <select
            class="select"
            value={props.draft.schoolId}
            aria-invalid={Boolean(props.errors['sibling.schoolId'])}
            disabled={props.schools.length === 0}
            onChange={(e) => set({ schoolId: e.currentTarget.value }, true)}
          >
            <option value="">{props.schools.length ? zhApply.schoolsStep.choose : zhApply.schoolsStep.siblingChooseSchool}</option>
            <For each={props.schools}>{(school) => <option value={school.id}>{school.name}</option>}</For>
          </select>
          <Show when={props.errors['sibling.schoolId']}>
            <span class="field-error" role="alert">
              {props.errors['sibling.schoolId']}
            </span>
          </Show>
        </label>
        <label class="field">
          <span class="field-label">{zhApply.schoolsStep.siblingRemark}</span>
          <textarea
            class="input textarea"
            rows="3"
            maxlength="200"
            placeholder={zhApply.schoolsStep.siblingRemarkPlaceholder}
            value={props.draft.remark}
            onInput={(e) => set({ remark: e.currentTarget.value }, false)}
            onChange={(e) => set({ remark: e.currentTarget.value }, true)}
          />
        </label>
      </Show>
    </section>
  );
}

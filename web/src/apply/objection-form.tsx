import { revalidate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import { formatTime } from '../lib/account';
import { getProgress } from '../lib/applications';
import { api, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';

type Placement = NonNullable<RouterOutputs['applications']['progress']['placement']>;
const t = zhApply.placement;

const fileObjection = write('applications.fileObjection', async (applicationId: string, reason: string) => {
  const done = await api.applications.fileObjection.mutate({ applicationId, reason });
  await revalidate(getProgress.key);
  return done;
});

/** 异议 during 公示: the family's objection and how it was decided, or the form to file one. */
export function ObjectionPanel(props: { applicationId: string; placement: Placement }) {
  const [reason, setReason] = createSignal('');
  const filing = useWrite(fileObjection);
  return (
    <Show
      when={props.placement.objection}
      fallback={
        <Show when={props.placement.canObject}>
          <form
            class="objection-form"
            onSubmit={(e) => {
              e.preventDefault();
              void filing.run(props.applicationId, reason());
            }}
          >
            <h3 class="section-title">{t.objection}</h3>
            <p class="muted">{t.objectionHint(formatTime(props.placement.publicityEndsAt ?? ''))}</p>
            <label class="field">
              <span class="field-label">{t.objectionReason}</span>
              <textarea
                class="input textarea"
                rows="3"
                maxlength="500"
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </label>
            <Show when={filing.problem()}>
              {(p) => (
                <p class="field-error" role="alert">
                  {p().fields.reason ?? p().message}
                </p>
              )}
            </Show>
            <button type="submit" class="button button-block" disabled={filing.pending()}>
              {filing.pending() ? t.filing : t.fileObjection}
            </button>
          </form>
        </Show>
      }
    >
      {(o) => (
        <div class="notice" role="status">
          <p class="notice-title">{t.objectionStatus[o().status]}</p>
          <Show when={o().decision}>{(d) => <p>{t.objectionDecision(d())}</p>}</Show>
        </div>
      )}
    </Show>
  );
}

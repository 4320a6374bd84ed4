import { revalidate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { FormError } from '../account/field';
import { zhDrafts } from '../i18n/zh-CN-drafts';
import { getApplications } from '../lib/applications';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { getChildrenFit } from './children-fit';

/** 删除草稿, then the lists that showed it are read again (the child is free to start in another entry). */
const discardDraft = write('apply.discardDraft', async (applicationId: string) => {
  const answer = await api.applications.discardDraft.mutate({ applicationId });
  await revalidate([getApplications.key, getChildrenFit.key]);
  return answer;
});

/** A never-submitted draft's 删除草稿, after a confirm step that says what goes: the draft and its uploads. */
export function DiscardDraft(props: { applicationId: string; entryName: string; number: string; onDiscarded?: () => void }) {
  const [asking, setAsking] = createSignal(false);
  const discard = useWrite(discardDraft, ([id]) => id === props.applicationId);
  const confirm = async () => {
    if ((await discard.run(props.applicationId))?.ok) {
      setAsking(false);
      props.onDiscarded?.();
    }
  };
  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class="button button-danger-text" onClick={() => setAsking(true)}>
          {zhDrafts.discard.action}
        </button>
      }
    >
      <div class="confirm" role="alertdialog" aria-label={zhDrafts.discard.question(props.entryName, props.number)}>
        <p class="confirm-title">{zhDrafts.discard.question(props.entryName, props.number)}</p>
        <p class="muted">{zhDrafts.discard.hint}</p>
        <FormError message={discard.problem()?.message} />
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() => {
              discard.clear();
              setAsking(false);
            }}
          >
            {zhDrafts.discard.cancel}
          </button>
          <button type="button" class="button button-danger" disabled={discard.pending()} onClick={() => void confirm()}>
            {discard.pending() ? zhDrafts.discard.deleting : zhDrafts.discard.confirm}
          </button>
        </div>
      </div>
    </Show>
  );
}

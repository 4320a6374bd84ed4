import { createAsync, query } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { zhDrafts } from '../i18n/zh-CN-drafts';
import { api } from '../lib/trpc';
import { FormError } from './field';

const getRemovalPreview = query((childId: string) => api.children.removalPreview.query({ childId }), 'children.removalPreview');

/**
 * 删除孩子's confirm step: what unbinding means, the drafts (entry, 编号) and uploaded files that go with the child
 * (or why it cannot go), then 确认删除. Lazy, in the application pages' chunk: first loads never carry it.
 */
export default function ChildRemoval(props: {
  child: { id: string; name: string };
  pending: boolean;
  error?: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const preview = createAsync(() => getRemovalPreview(props.child.id));
  return (
    <div class="confirm" role="alertdialog" aria-label={zhCN.children.removeQuestion(props.child.name)}>
      <p class="confirm-title">{zhCN.children.removeQuestion(props.child.name)}</p>
      <p class="muted">{zhCN.children.removeHint}</p>
      <Show when={preview()}>
        {(p) => (
          <Show when={p().removable} fallback={<p class="form-error">{zhDrafts.removal.blocked}</p>}>
            <Show when={p().destroys.length} fallback={<p class="muted">{zhDrafts.removal.nothing}</p>}>
              <p>{zhDrafts.removal.destroys}</p>
              <ul>
                <For each={p().destroys}>
                  {(a) => <li>{zhDrafts.removal.application(a.entryName, a.number, a.statusName, a.files)}</li>}
                </For>
              </ul>
            </Show>
          </Show>
        )}
      </Show>
      <FormError message={props.error} />
      <div class="button-row">
        <button type="button" class="button" onClick={() => props.onCancel()}>
          {zhCN.children.cancel}
        </button>
        <button type="button" class="button button-danger" disabled={props.pending} onClick={() => props.onConfirm()}>
          {props.pending ? zhCN.children.removing : zhCN.children.confirmRemove}
        </button>
      </div>
    </div>
  );
}

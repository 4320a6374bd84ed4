import { createAsync, query } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhDrafts } from '../i18n/zh-CN-drafts';
import { api } from '../lib/trpc';

const getRemovalPreview = query((childId: string) => api.children.removalPreview.query({ childId }), 'children.removalPreview');

/** In 删除孩子's confirm step: the drafts (entry, 编号) and uploaded files that go with the child, or why it cannot go. */
export default function RemovalPreview(props: { childId: string }) {
  const preview = createAsync(() => getRemovalPreview(props.childId));
  return (
    <Show when={preview()}>
      {(p) => (
        <Show when={p().removable} fallback={<p class="form-error">{zhDrafts.removal.blocked}</p>}>
          <Show when={p().destroys.length} fallback={<p class="muted">{zhDrafts.removal.nothing}</p>}>
            <p>{zhDrafts.removal.destroys}</p>
            <ul class="removal-list">
              <For each={p().destroys}>{(a) => <li>{zhDrafts.removal.application(a.entryName, a.number, a.statusName, a.files)}</li>}</For>
            </ul>
          </Show>
        </Show>
      )}
    </Show>
  );
}

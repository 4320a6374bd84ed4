import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getChildren } from '../lib/account';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';
import { AddChildForm } from './add-child-form';
import { ChildCard } from './child-card';
import { useSignedIn } from './signed-in';

/** `/me/children` 我的孩子. */
export function ChildrenPage() {
  const me = useSignedIn();
  const children = createAsync(() => (me() ? getChildren() : Promise.resolve(undefined)));
  const [added, setAdded] = createSignal<string>();
  useTitle(() => zhCN.children.title);

  return (
    <Show when={me() && children()}>
      {(list) => (
        <>
          <BackLink href="/me">{zhCN.me.title}</BackLink>
          <h1 class="page-title">{zhCN.children.title}</h1>
          <Show when={list().length > 0} fallback={<p class="empty">{zhCN.children.none}</p>}>
            <p class="muted">{zhCN.children.count(list().length)}</p>
            <ul class="card-list">
              <For each={list()}>{(child) => <ChildCard child={child} />}</For>
            </ul>
          </Show>
          <Show when={added()}><p class="notice-ok" role="status">{zhCN.children.added(added()!)}</p></Show>
          <AddChildForm onAdded={setAdded} />
        </>
      )}
    </Show>
  );
}

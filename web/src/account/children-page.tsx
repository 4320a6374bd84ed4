import { createSignal, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getChildren } from '../lib/account';
import { CardList } from '../ui/card-list';
import { useTitle } from '../ui/title';
import { AccountSubpage } from './account-subpage';
import { AddChildForm } from './add-child-form';
import { ChildCard } from './child-card';
import { useSignedInRead } from './signed-in';

/** `/me/children` 我的孩子. */
export function ChildrenPage() {
  const children = useSignedInRead(getChildren);
  const [added, setAdded] = createSignal<string>();
  useTitle(() => zhCN.children.title);

  return (
    <Show when={children()}>
      {(list) => (
        <AccountSubpage title={zhCN.children.title}>
          <CardList items={list()} empty={zhCN.children.none} summary={<p class="muted">{zhCN.children.count(list().length)}</p>}>
            {(child) => <ChildCard child={child} />}
          </CardList>
          <Show when={added()}><p class="notice-ok" role="status">{zhCN.children.added(added()!)}</p></Show>
          <AddChildForm onAdded={setAdded} />
        </AccountSubpage>
      )}
    </Show>
  );
}

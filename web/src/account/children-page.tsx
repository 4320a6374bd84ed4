import { createSignal, For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getChildren, getClaims } from '../lib/account';
import { CardList } from '../ui/card-list';
import { useTitle } from '../ui/title';
import { AccountSubpage } from './account-subpage';
import { AddChildForm } from './add-child-form';
import { type ClaimedChild, ClaimForm } from './claim-form';
import { ChildCard } from './child-card';
import { useSignedInRead } from './signed-in';

/** `/me/children` 我的孩子. */
export function ChildrenPage() {
  const children = useSignedInRead(getChildren);
  const claims = useSignedInRead(getClaims);
  const [added, setAdded] = createSignal<string>();
  const [claiming, setClaiming] = createSignal<ClaimedChild>();
  useTitle(() => zhCN.children.title);

  return (
    <Show when={children()}>
      {(list) => (
        <AccountSubpage title={zhCN.children.title}>
          <CardList items={list()} empty={zhCN.children.none} summary={<p class="muted">{zhCN.children.count(list().length)}</p>}>
            {(child) => <ChildCard child={child} />}
          </CardList>
          <Show when={added()}><p class="notice-ok" role="status">{added()}</p></Show>
          <Show when={claiming()} fallback={<AddChildForm onAdded={(name) => setAdded(zhCN.children.added(name))} onClaim={(c) => { setAdded(undefined); setClaiming(c); }} />}>
            {(child) => (
              <ClaimForm child={child()} onCancel={() => setClaiming(undefined)}
                onDone={(notice) => { setClaiming(undefined); setAdded(notice); }} />
            )}
          </Show>
          <Show when={(claims() ?? []).length > 0}>
            <section class="form-card" aria-labelledby="claims-title">
              <h2 id="claims-title" class="section-title">{zhCN.claim.mine}</h2>
              <ul class="card-list">
                <For each={claims()}>
                  {(c) => (
                    <li class="card">
                      <div class="card-meta"><span>{c.childName}（{c.childIdMasked}）</span><span class="claim-status">{c.statusName}</span></div>
                      <Show when={c.settlement}><p class="muted">{c.settlement}</p></Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
        </AccountSubpage>
      )}
    </Show>
  );
}

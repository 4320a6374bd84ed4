import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, lazy, Show, Suspense } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getChildren, getClaims, refreshAccount } from '../lib/account';
import { safeReturnPath, withChild } from '../lib/return-path';
import { CardList } from '../ui/card-list';
import { useTitle } from '../ui/title';
import { AccountSubpage } from './account-subpage';
import { AddChildForm } from './add-child-form';
import { ChildCard } from './child-card';
import type { ClaimedChild } from './claim-form';
import { useSignedInRead } from './signed-in';

// The 申诉 form and 我的申诉 load with the journey's lazy chunk, only for a parent who is refused or has claims.
const ClaimForm = lazy(() => import('../apply/pages').then((m) => ({ default: m.ClaimForm })));
const ClaimList = lazy(() => import('../apply/pages').then((m) => ({ default: m.ClaimList })));

/**
 * `/me/children` 我的孩子. Opened from the application journey (`?return=<path of this site>`), it leads back there,
 * and a child added here goes back picked.
 */
export function ChildrenPage() {
  const [search] = useSearchParams<{ return?: string }>();
  const navigate = useNavigate();
  const returnTo = () => safeReturnPath(search.return);
  const children = useSignedInRead(getChildren);
  const claims = useSignedInRead(getClaims);
  const [added, setAdded] = createSignal<string>();
  const [claiming, setClaiming] = createSignal<ClaimedChild>();
  useTitle(() => zhCN.children.title);

  return (
    <Show when={children()}>
      {(list) => (
        <AccountSubpage title={zhCN.children.title} back={returnTo() ? { href: returnTo()!, label: zhCN.children.backToApply } : undefined}>
          <CardList items={list()} empty={zhCN.children.none} summary={<p class="muted">{zhCN.children.count(list().length)}</p>}>
            {(child) => <ChildCard child={child} />}
          </CardList>
          <Show when={added()}>
            <p class="notice-ok" role="status">
              {added()}
            </p>
          </Show>
          <Show
            when={claiming()}
            fallback={
              <AddChildForm
                onAdded={(child) => {
                  const back = returnTo();
                  // In place of this page: back from the picker is not the add form again.
                  if (back) navigate(withChild(back, child.id), { replace: true });
                  else setAdded(zhCN.children.added(child.name));
                }}
                onClaim={(c) => {
                  setAdded(undefined);
                  setClaiming(c);
                }}
              />
            }
          >
            {(child) => (
              <Suspense>
                <ClaimForm
                  child={child()}
                  onCancel={() => setClaiming(undefined)}
                  onDone={async (notice) => {
                    await refreshAccount();
                    setClaiming(undefined);
                    setAdded(notice);
                  }}
                />
              </Suspense>
            )}
          </Show>
          <Show when={(claims() ?? []).length > 0}>
            <Suspense>
              <ClaimList claims={claims()!} />
            </Suspense>
          </Show>
        </AccountSubpage>
      )}
    </Show>
  );
}

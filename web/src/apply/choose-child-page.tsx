import { A, createAsync, revalidate, useLocation, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useSignedInRead } from '../account/signed-in';
import { FormError } from '../account/field';
import { zhApply } from '../i18n/zh-CN-apply';
import { chineseNumeral, zhCN } from '../i18n/zh-CN';
import { getChildren } from '../lib/account';
import { getChannels } from '../lib/catalog';
import { ready } from '../lib/ready';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';
import { getChildrenFit } from './children-fit';
import { DiscardDraft } from './discard-draft';
import { transferGrades } from './grades';
import { stepPath } from './steps';
import { zhDrafts } from '../i18n/zh-CN-drafts';

/**
 * `/entries/:entryId/apply`: which child (from 我的孩子) and, for 插班生转学, which grade; then 报名须知. Each child's
 * card says before anything else whether it can apply here (age, 已有报名, window); one that cannot is not pickable,
 * and a draft in another entry can be deleted on the spot.
 */
export function ChooseChildPage() {
  const params = useParams<{ entryId: string }>();
  const navigate = useNavigate();
  const entry = createAsync(() => getChannels(params.entryId));
  const children = useSignedInRead(getChildren);
  const fits = useSignedInRead(() => getChildrenFit(params.entryId));
  const fitOf = (childId: string) => fits()?.find((f) => f.childId === childId);
  const location = useLocation();
  // Back from 我的孩子 with the child just added (`?child=`): it is picked.
  const [search] = useSearchParams<{ child?: string }>();
  const [childId, setChildId] = createSignal<string | undefined>(search.child);
  if (search.child) void revalidate(getChildrenFit.keyFor(params.entryId));
  const addChildHref = () => `/me/children?${new URLSearchParams({ return: location.pathname })}`;
  const [grade, setGrade] = createSignal<number>();
  const [error, setError] = createSignal<string>();
  useTitle(() => zhApply.apply.chooseChild);

  const isTransfer = () => entry()?.entry.code === 'transfer';
  const next = (event: SubmitEvent) => {
    event.preventDefault();
    if (!childId() || !children()!.some((c) => c.id === childId())) return setError(zhApply.apply.chooseChild);
    if (fitOf(childId()!)?.fit.ok === false) return setError(zhDrafts.fit.cannotPick);
    if (isTransfer() && !grade()) return setError(zhApply.apply.chooseGrade);
    const query = new URLSearchParams({ child: childId()! });
    if (isTransfer()) query.set('grade', String(grade()));
    navigate(`/entries/${params.entryId}/apply/declaration?${query}`);
  };

  return (
    <Show when={ready(entry(), children(), fits())}>
      <BackLink href={`/entries/${params.entryId}`}>{entry()!.entry.name}</BackLink>
      <h1 class="page-title">{zhApply.apply.chooseChild}</h1>
      <p class="muted">{zhApply.apply.chooseChildHint}</p>
      <Show when={children()!.find((c) => c.id === search.child)}>
        {(added) => (
          <p class="notice-ok" role="status">
            {zhCN.children.added(added().name)}
          </p>
        )}
      </Show>
      <form class="apply-form" onSubmit={next} novalidate>
        <Show when={children()!.length > 0} fallback={<p class="empty">{zhApply.apply.noChildren}</p>}>
          <fieldset class="choice-cards">
            <legend class="visually-hidden">{zhApply.apply.chooseChild}</legend>
            <For each={children()}>
              {(child) => {
                const answer = () => fitOf(child.id);
                const refusal = () => {
                  const f = answer()?.fit;
                  return f && !f.ok ? f : undefined;
                };
                return (
                  <div class="choice-item">
                    <label class="choice-card" classList={{ 'choice-card-on': childId() === child.id, 'choice-card-off': !!refusal() }}>
                      <input
                        type="radio"
                        name="child"
                        value={child.id}
                        checked={childId() === child.id}
                        disabled={!!refusal()}
                        aria-describedby={refusal() ? `fit-${child.id}` : undefined}
                        onChange={() => {
                          setChildId(child.id);
                          setError(undefined);
                        }}
                      />
                      <span class="choice-text">
                        <span class="choice-title">{child.name}</span>
                        <span class="muted id-masked">
                          {child.idTypeName} {child.idNumberMasked}
                        </span>
                        <Show when={refusal()}>
                          {(r) => (
                            <span class="choice-refusal" id={`fit-${child.id}`}>
                              {r().message}
                            </span>
                          )}
                        </Show>
                      </span>
                    </label>
                    <Show when={answer()?.existing}>
                      {(existing) => (
                        <Show
                          when={refusal()?.reason === 'draft_elsewhere'}
                          fallback={
                            <A
                              class="button"
                              href={
                                existing().status === 'draft'
                                  ? `/applications/${existing().applicationId}`
                                  : stepPath(existing().applicationId, 'progress')
                              }
                            >
                              {existing().status === 'draft' ? zhDrafts.fit.continueDraft : zhDrafts.fit.viewProgress}
                            </A>
                          }
                        >
                          <DiscardDraft
                            applicationId={existing().applicationId}
                            entryName={existing().entryName}
                            number={existing().number}
                          />
                        </Show>
                      )}
                    </Show>
                  </div>
                );
              }}
            </For>
          </fieldset>
        </Show>
        <A class="button button-block" href={addChildHref()}>
          {children()!.length ? zhApply.apply.manageChildren : zhApply.apply.addChild}
        </A>

        <Show when={isTransfer()}>
          <label class="field">
            <span class="field-label">{zhApply.apply.grade}</span>
            <select
              class="select"
              value={grade() ?? ''}
              onChange={(e) => {
                setGrade(Number(e.currentTarget.value) || undefined);
                setError(undefined);
              }}
            >
              <option value="">{zhApply.apply.chooseGrade}</option>
              <For each={transferGrades(entry()!.tracks)}>
                {(g) => (
                  <option value={g.grade}>
                    {zhCN.levels[g.level]}
                    {chineseNumeral(g.grade)}年级
                  </option>
                )}
              </For>
            </select>
            <span class="muted">{zhApply.apply.gradeHint}</span>
          </label>
        </Show>
        <FormError message={error()} />
        <button type="submit" class="button button-primary button-block" disabled={children()!.length === 0}>
          {zhApply.apply.next}
        </button>
      </form>
    </Show>
  );
}

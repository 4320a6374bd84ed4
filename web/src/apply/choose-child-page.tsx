import { A, createAsync, useNavigate, useParams } from '@solidjs/router';
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
import { transferGrades } from './grades';

/** `/entries/:entryId/apply`: which child (from 我的孩子) and, for 插班生转学, which grade; then 报名须知. */
export function ChooseChildPage() {
  const params = useParams<{ entryId: string }>();
  const navigate = useNavigate();
  const entry = createAsync(() => getChannels(params.entryId));
  const children = useSignedInRead(getChildren);
  const [childId, setChildId] = createSignal<string>();
  const [grade, setGrade] = createSignal<number>();
  const [error, setError] = createSignal<string>();
  useTitle(() => zhApply.apply.chooseChild);

  const isTransfer = () => entry()?.entry.code === 'transfer';
  const next = (event: SubmitEvent) => {
    event.preventDefault();
    if (!childId()) return setError(zhApply.apply.chooseChild);
    if (isTransfer() && !grade()) return setError(zhApply.apply.chooseGrade);
    const query = new URLSearchParams({ child: childId()! });
    if (isTransfer()) query.set('grade', String(grade()));
    navigate(`/entries/${params.entryId}/apply/declaration?${query}`);
  };

  return (
    <Show when={ready(entry(), children())}>
      <BackLink href={`/entries/${params.entryId}`}>{entry()!.entry.name}</BackLink>
      <h1 class="page-title">{zhApply.apply.chooseChild}</h1>
      <p class="muted">{zhApply.apply.chooseChildHint}</p>
      <form class="apply-form" onSubmit={next} novalidate>
        <Show when={children()!.length > 0} fallback={<p class="empty">{zhApply.apply.noChildren}</p>}>
          <fieldset class="choice-cards">
            <legend class="visually-hidden">{zhApply.apply.chooseChild}</legend>
            <For each={children()}>
              {(child) => (
                <label class="choice-card" classList={{ 'choice-card-on': childId() === child.id }}>
                  <input
                    type="radio"
                    name="child"
                    value={child.id}
                    checked={childId() === child.id}
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
                  </span>
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <A class="button button-block" href="/me/children">
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

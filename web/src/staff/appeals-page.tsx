import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { RouterOutputs } from '../lib/trpc';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { getAppeals } from './data';
import { chinaDateTime, staffTitle } from './format';

type Appeal = RouterOutputs['review']['bindingAppeals'][number];
const t = zhStaff.appeals;

/** `/staff/appeals` (county, admin): open 绑定申诉 to grant or refuse with a reason, and the settled ones. */
export function AppealsPage() {
  staffTitle(t.title);
  const [tab, setTab] = createSignal<'open' | 'settled'>('open');
  const list = createAsync(() => getAppeals(tab()));
  const [notice, setNotice] = createSignal<string>();

  return (
    <div class="staff-page">
      <h1 class="staff-title">{t.title}</h1>
      <p class="staff-muted">{t.intro}</p>
      <fieldset class="staff-actions staff-tabs">
        <legend class="staff-visually-hidden">{t.title}</legend>
        <For each={['open', 'settled'] as const}>
          {(k) => (
            <button
              type="button"
              class="staff-button staff-button-small"
              classList={{ 'staff-button-primary': tab() === k }}
              aria-pressed={tab() === k}
              onClick={() => {
                setNotice(undefined);
                setTab(k);
              }}
            >
              {t[k]}
            </button>
          )}
        </For>
      </fieldset>
      <Show when={notice()}>
        <p class="staff-notice" role="status">
          {notice()}
        </p>
      </Show>
      <Show when={list()}>
        {(rows) => (
          <Show when={rows().length > 0} fallback={<p class="staff-muted">{tab() === 'open' ? t.none : t.noneSettled}</p>}>
            <For each={rows()}>{(a) => <AppealCard appeal={a} onSettled={setNotice} />}</For>
          </Show>
        )}
      </Show>
    </div>
  );
}

/** Grants or refuses a 绑定申诉 with the reason given, then reads the appeals again. */
const settleAppeal = write('staff.settleAppeal', async (appealId: string, grant: boolean, reason: string) => {
  await api.review.settleBindingAppeal.mutate({ appealId, grant, reason });
  await revalidate(getAppeals.key);
});

function AppealCard(props: { appeal: Appeal; onSettled: (notice: string) => void }) {
  const a = () => props.appeal;
  const [reason, setReason] = createSignal('');
  const settlement = useWrite(settleAppeal, ([appealId]) => appealId === a().id);
  const pending = settlement.pending;
  /** A reason still to give, said before anything is sent. */
  const [noReason, setNoReason] = createSignal(false);
  const error = () => {
    const p = settlement.problem();
    return noReason() ? t.needReason : p && (p.fields.reason ?? p.message);
  };
  const clearError = () => {
    setNoReason(false);
    settlement.clear();
  };
  const id = () => `appeal-${a().id}`;

  const settle = async (grant: boolean) => {
    if (pending()) return;
    clearError();
    if (reason().trim().length < 2) {
      setNoReason(true);
      return;
    }
    if ((await settlement.run(a().id, grant, reason().trim()))?.ok) props.onSettled(grant ? t.granted : t.refused);
  };

  return (
    <section class="staff-panel" aria-labelledby={`${id()}-title`}>
      <h2 id={`${id()}-title`} class="staff-section-title">
        {a().childName}（<span class="staff-mono">{a().childIdMasked}</span>）· {a().statusName}
      </h2>
      <dl class="staff-facts">
        <dt>{t.claimant}</dt>
        <dd>
          <span class="staff-mono">{a().claimantPhoneMasked}</span> · {t.parentId(a().parentIdMasked)}
        </dd>
        <dt>{t.holder}</dt>
        <dd class="staff-mono">{a().holderPhoneMasked}</dd>
        <dt>{t.records}</dt>
        <dd>{a().records}</dd>
        <Show when={a().waitsFor}>
          <dt>{t.why}</dt>
          <dd>{a().waitsFor}</dd>
        </Show>
        <dt>{t.reason}</dt>
        <dd>{a().reason}</dd>
        <dt>{t.applications}</dt>
        <dd>
          {a().holderApplications.length
            ? a()
                .holderApplications.map((x) => `${x.number}（${x.statusName}）`)
                .join('，')
            : t.noApplications}
        </dd>
        <dt>{t.createdAt}</dt>
        <dd class="staff-mono">{chinaDateTime(a().createdAt)}</dd>
        <Show when={a().status !== 'open'}>
          <dt>{t.result}</dt>
          <dd>
            {a().settledByName ?? ''}：{a().settlement}
          </dd>
        </Show>
      </dl>
      <Show when={a().status === 'open'}>
        <div class="staff-field">
          <label for={`${id()}-reason`}>{t.decision}</label>
          <textarea
            id={`${id()}-reason`}
            class="staff-input staff-textarea"
            rows="2"
            maxlength="500"
            placeholder={t.decisionPlaceholder}
            value={reason()}
            aria-invalid={!!error()}
            onInput={(e) => {
              setReason(e.currentTarget.value);
              clearError();
            }}
          />
        </div>
        <Show when={error()}>
          <p class="staff-field-error" role="alert">
            {error()}
          </p>
        </Show>
        <div class="staff-actions">
          <button type="button" class="staff-button staff-button-primary" disabled={pending()} onClick={() => void settle(true)}>
            {t.grant}
          </button>
          <button type="button" class="staff-button staff-button-danger" disabled={pending()} onClick={() => void settle(false)}>
            {t.refuse}
          </button>
        </div>
      </Show>
    </section>
  );
}

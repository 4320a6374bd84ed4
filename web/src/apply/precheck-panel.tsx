import { createSignal, For, Show } from 'solid-js';
import { Field, FormError } from '../account/field';
import { zhApply } from '../i18n/zh-CN-apply';
import type { Application } from '../lib/applications';
import { api, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { rememberPrecheck } from './precheck-memory';

export type Precheck = RouterOutputs['applications']['precheck'];
export type PrecheckVerdict = Precheck['channels'][number];

const t = zhApply.precheck;

/** 可能符合 / 可能不符合 / 需人工审核 as a tag, for the panel and the channel cards. */
export function VerdictTag(props: { qualifies: boolean | null }) {
  const tone = () => (props.qualifies === true ? 'yes' : props.qualifies === false ? 'no' : 'manual');
  return <span class={`tag tag-precheck-${tone()}`}>{t.verdicts[tone()]}</span>;
}

/** Asks the records about the household: a form's answer, not a cached read (the parent's ID number is not kept). */
const runPrecheck = write('apply.precheck', (input: { childId: string; entryId: string; parentIdNumber: string }) =>
  api.applications.precheck.mutate(input),
);

/**
 * 通道预查 on the channel step: a parent on the child's 户口簿 types their own ID number and sees what the records
 * hold for the household and, per channel, whether the child appears to qualify and why. Advice only: any channel
 * can still be chosen. What it learned (the ID number, the 户籍 community and date) stays in this tab's memory for the
 * form to prefill; nothing is stored in the browser.
 */
export function PrecheckPanel(props: { app: Application; result: Precheck | undefined; onResult: (result: Precheck | undefined) => void }) {
  const [idNumber, setIdNumber] = createSignal('');
  const precheck = useWrite(runPrecheck);
  const pending = precheck.pending;
  const fieldError = () => precheck.problem()?.fields.parentIdNumber;
  const error = () => {
    const p = precheck.problem();
    return p && !p.fields.parentIdNumber ? p.message : undefined;
  };

  const run = async (event: SubmitEvent) => {
    event.preventDefault();
    const parentIdNumber = idNumber().trim();
    const answer = await precheck.run({ childId: props.app.child.id, entryId: props.app.entry.id, parentIdNumber });
    if (!answer) return;
    props.onResult(answer.ok ? answer.value : undefined);
    if (answer.ok) {
      const household = answer.value.household;
      rememberPrecheck(props.app.id, {
        parentIdNumber,
        community: household?.community ?? null,
        registeredOn: household?.registeredOn ?? null,
      });
    }
  };

  return (
    <section class="card precheck" aria-labelledby="precheck-title">
      <h2 id="precheck-title" class="precheck-title">
        {t.title}
      </h2>
      <p class="muted">{t.intro}</p>
      <form class="precheck-form" onSubmit={(e) => void run(e)} novalidate>
        <Field
          id="precheck-id"
          label={t.idLabel}
          hint={t.who}
          error={fieldError()}
          action={
            <button type="submit" class="button button-primary precheck-submit" disabled={pending()}>
              {pending() ? t.submitting : t.submit}
            </button>
          }
        >
          <input
            id="precheck-id"
            class="input"
            inputmode="text"
            autocomplete="off"
            maxlength="18"
            placeholder={t.idPlaceholder}
            value={idNumber()}
            onInput={(e) => setIdNumber(e.currentTarget.value)}
            aria-invalid={fieldError() ? 'true' : undefined}
            aria-describedby={fieldError() ? 'precheck-id-error' : undefined}
          />
        </Field>
      </form>
      <FormError message={error()} />
      <Show when={props.result}>{(r) => <PrecheckResult result={r()} />}</Show>
      <p class="precheck-note">{t.free}</p>
    </section>
  );
}

function PrecheckResult(props: { result: Precheck }) {
  const r = () => props.result;
  const town = (inTown: boolean) => <span class={`tag ${inTown ? 'tag-verifiable' : 'tag-id'}`}>{inTown ? t.inTown : t.outOfTown}</span>;
  return (
    <div class="precheck-result" role="status">
      <Show when={r().household} fallback={<p class="notice-plain notice precheck-message">{r().message}</p>}>
        {(h) => (
          <>
            <h3 class="precheck-subtitle">{t.records}</h3>
            <dl class="precheck-facts">
              <dt>{t.hukou}</dt>
              <dd>
                {t.hukouValue(h().community, h().registeredOn)} {town(h().inTown)}
              </dd>
              <Show when={r().records}>
                {(rec) => (
                  <>
                    <dt>{t.properties}</dt>
                    <dd>
                      <For each={rec().properties} fallback={t.none}>
                        {(p) => (
                          <span class="precheck-line">
                            {t.propertyValue(p.community, p.registeredOn)} {town(p.inTown)}
                          </span>
                        )}
                      </For>
                    </dd>
                    <dt>{t.pensions}</dt>
                    <dd>
                      <For each={rec().pensions} fallback={t.none}>
                        {(p) => <span class="precheck-line">{t.pensionValue(p.firstPaidOn, p.months)}</span>}
                      </For>
                    </dd>
                    <dt>{t.licences}</dt>
                    <dd>
                      <For each={rec().licences} fallback={t.none}>
                        {(l) => (
                          <span class="precheck-line">
                            {t.licenceValue(l.issuedOn)} {town(l.inTown)}
                          </span>
                        )}
                      </For>
                    </dd>
                    <Show when={rec().publicServant}>
                      {(p) => (
                        <>
                          <dt>{t.publicServant}</dt>
                          <dd>{t.publicServantValue(p().since)}</dd>
                        </>
                      )}
                    </Show>
                  </>
                )}
              </Show>
            </dl>
          </>
        )}
      </Show>
      <Show when={r().channels.length > 0}>
        <h3 class="precheck-subtitle">{t.channels}</h3>
        <ul class="precheck-channels">
          <For each={r().channels}>
            {(c) => (
              <li class="precheck-channel" data-channel={c.code}>
                <span class="precheck-channel-head">
                  <span class="precheck-channel-name">{c.name}</span>
                  <VerdictTag qualifies={c.qualifies} />
                </span>
                <For each={c.reasons}>{(reason) => <span class="precheck-reason">{reason}</span>}</For>
              </li>
            )}
          </For>
        </ul>
        <p class="notice-ok precheck-free">{r().message}</p>
      </Show>
    </div>
  );
}

import { createSignal, type JSX, Show } from 'solid-js';
import type { idTypes } from '../../../src/domain/identity';
import { maskIdNumber } from '../../../src/domain/masking';
import { zhClaim } from '../i18n/zh-CN-claim';
import { api, type RouterInputs, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';

export interface ClaimedChild {
  name: string;
  idType: keyof typeof idTypes;
  idNumber: string;
}

/** A labelled field with its error (the same markup as `Field`, kept here so that this lazy chunk shares nothing new). */
function ClaimField(props: { id: string; label: string; error?: string; children: JSX.Element }) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <div class="field-row">{props.children}</div>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

type ClaimAnswer = RouterOutputs['children']['claim'];

/** Files the 绑定申诉 (or binds at once, when the records show the household); `settle` runs before it counts as done. */
const claimChild = write(
  'account.claimChild',
  async (input: RouterInputs['children']['claim'], settle: (answer: ClaimAnswer) => Promise<void>) => {
    await settle(await api.children.claim.mutate(input));
  },
);

/**
 * 绑定申诉 for a child another account holds: the parent's own ID number (checked against the child's household) and
 * a reason. The answer says what happened: bound now (records), waiting for staff, or simply added (it was freed).
 * Loaded lazily: only a parent refused with 已被绑定 needs it.
 */
export default function ClaimForm(props: { child: ClaimedChild; onDone: (notice: string) => Promise<void>; onCancel: () => void }) {
  const [parentIdNumber, setParentIdNumber] = createSignal('');
  const [reason, setReason] = createSignal('');
  const claim = useWrite(claimChild);
  const errors = (): Record<string, string | undefined> => claim.problem()?.fields ?? {};
  const formError = () => {
    const p = claim.problem();
    return p && !p.fields.parentIdNumber && !p.fields.reason ? p.message : undefined;
  };

  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    if (claim.pending()) return;
    await claim.run({ ...props.child, parentIdNumber: parentIdNumber(), reason: reason() }, (answer) =>
      props.onDone(
        answer.outcome === 'granted'
          ? zhClaim.granted(props.child.name)
          : answer.outcome === 'bound'
            ? zhClaim.bound(props.child.name)
            : zhClaim.filed,
      ),
    );
  };

  return (
    <form class="form-card claim-form" onSubmit={(e) => void send(e)} novalidate aria-labelledby="claim-title">
      <h2 id="claim-title" class="section-title">
        {zhClaim.title}
      </h2>
      <p class="field-label">{zhClaim.child(props.child.name, maskIdNumber(props.child.idNumber.toUpperCase()))}</p>
      <p class="muted">{zhClaim.intro}</p>
      <ClaimField id="claim-parent-id" label={zhClaim.parentIdNumber} error={errors().parentIdNumber}>
        <input
          id="claim-parent-id"
          class="input"
          type="text"
          autocomplete="off"
          maxlength="40"
          autocapitalize="characters"
          placeholder={zhClaim.parentIdPlaceholder}
          value={parentIdNumber()}
          onInput={(e) => setParentIdNumber(e.currentTarget.value)}
        />
      </ClaimField>
      <ClaimField id="claim-reason" label={zhClaim.reason} error={errors().reason}>
        <textarea
          id="claim-reason"
          class="input textarea"
          rows="3"
          maxlength="500"
          placeholder={zhClaim.reasonPlaceholder}
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </ClaimField>
      <Show when={formError()}>
        <p class="form-error" role="alert">
          {formError()}
        </p>
      </Show>
      <button type="submit" class="button button-primary button-block" disabled={claim.pending()}>
        {claim.pending() ? zhClaim.submitting : zhClaim.submit}
      </button>
      <button type="button" class="button button-block" onClick={() => props.onCancel()}>
        {zhClaim.cancel}
      </button>
    </form>
  );
}

import { createSignal } from 'solid-js';
import type { idTypes } from '../../../src/domain/identity';
import { maskIdNumber } from '../../../src/domain/masking';
import { zhCN } from '../i18n/zh-CN';
import { refreshAccount } from '../lib/account';
import { problemOf } from '../lib/problem';
import { createSubmit } from '../lib/submit';
import { api } from '../lib/trpc';
import { Field, FormError } from './field';

export interface ClaimedChild { name: string; idType: keyof typeof idTypes; idNumber: string }

/**
 * 绑定申诉 for a child another account holds: the parent's own ID number (checked against the child's household) and
 * a reason. The answer says what happened: bound now (records), waiting for staff, or simply added (it was freed).
 */
export function ClaimForm(props: { child: ClaimedChild; onDone: (notice: string) => void; onCancel: () => void }) {
  const [parentIdNumber, setParentIdNumber] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string | undefined>>({});
  const [formError, setFormError] = createSignal<string>();

  const send = createSubmit(async () => {
    setErrors({});
    setFormError(undefined);
    try {
      const answer = await api.children.claim.mutate({ ...props.child, parentIdNumber: parentIdNumber(), reason: reason() });
      await refreshAccount();
      props.onDone(answer.outcome === 'granted' ? zhCN.claim.granted(props.child.name)
        : answer.outcome === 'bound' ? zhCN.claim.bound(props.child.name) : zhCN.claim.filed);
    } catch (error) {
      const p = problemOf(error);
      setErrors(p.fields);
      if (!p.fields.parentIdNumber && !p.fields.reason) setFormError(p.message);
    }
  });

  return (
    <form class="form-card claim-form" onSubmit={send.submit} novalidate aria-labelledby="claim-title">
      <h2 id="claim-title" class="section-title">{zhCN.claim.title}</h2>
      <p class="claim-child">{zhCN.claim.child(props.child.name, maskIdNumber(props.child.idNumber.toUpperCase()))}</p>
      <p class="muted">{zhCN.claim.intro}</p>
      <Field id="claim-parent-id" label={zhCN.claim.parentIdNumber} error={errors().parentIdNumber}>
        <input id="claim-parent-id" class="input" type="text" autocomplete="off" maxlength="40" autocapitalize="characters"
          placeholder={zhCN.claim.parentIdPlaceholder} value={parentIdNumber()} onInput={(e) => setParentIdNumber(e.currentTarget.value)} />
      </Field>
      <Field id="claim-reason" label={zhCN.claim.reason} error={errors().reason}>
        <textarea id="claim-reason" class="input textarea" rows="3" maxlength="500"
          placeholder={zhCN.claim.reasonPlaceholder} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
      <FormError message={formError()} />
      <button type="submit" class="button button-primary button-block" disabled={send.pending()}>
        {send.pending() ? zhCN.claim.submitting : zhCN.claim.submit}
      </button>
      <button type="button" class="button button-block" onClick={() => props.onCancel()}>{zhCN.claim.cancel}</button>
    </form>
  );
}

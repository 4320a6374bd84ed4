import { createSignal, For, Show } from 'solid-js';
import { idTypes } from '../../../src/domain/identity';
import { zhCN } from '../i18n/zh-CN';
import { refreshAccount } from '../lib/account';
import { problemOf } from '../lib/problem';
import { createSubmit } from '../lib/submit';
import { api } from '../lib/trpc';
import type { ClaimedChild } from './claim-form';
import { Field, FormError } from './field';

type IdType = keyof typeof idTypes;

/**
 * 添加孩子: name, ID type and number. A child bound elsewhere is answered with the refusal and a way to file a
 * 绑定申诉 for exactly that child (`onClaim`).
 */
export function AddChildForm(props: { onAdded: (name: string) => void; onClaim: (child: ClaimedChild) => void }) {
  const [name, setName] = createSignal('');
  const [idType, setIdType] = createSignal<IdType>('resident');
  const [idNumber, setIdNumber] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string | undefined>>({});
  const [formError, setFormError] = createSignal<string>();
  const [boundElsewhere, setBoundElsewhere] = createSignal<ClaimedChild>();

  const add = createSubmit(async () => {
    setErrors({});
    setFormError(undefined);
    setBoundElsewhere(undefined);
    try {
      const child = await api.children.add.mutate({ name: name(), idType: idType(), idNumber: idNumber() });
      setName('');
      setIdNumber('');
      await refreshAccount();
      props.onAdded(child.name);
    } catch (error) {
      const p = problemOf(error);
      setErrors(p.fields);
      if (!Object.values(p.fields).some(Boolean)) setFormError(p.message);
      if (p.domainCode === 'CHILD_ALREADY_BOUND') setBoundElsewhere({ name: name().trim(), idType: idType(), idNumber: idNumber().trim() });
    }
  });

  return (
    <form class="form-card" onSubmit={add.submit} novalidate>
      <h2 class="section-title">{zhCN.children.add}</h2>
      <Field id="child-name" label={zhCN.children.name} error={errors().name}>
        <input id="child-name" class="input" type="text" autocomplete="off" maxlength="20"
          placeholder={zhCN.children.namePlaceholder} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id="child-id-type" label={zhCN.children.idType} error={errors().idType}>
        <select id="child-id-type" class="select input" value={idType()} onChange={(e) => setIdType(e.currentTarget.value as IdType)}>
          <For each={Object.entries(idTypes)}>{([code, label]) => <option value={code}>{label}</option>}</For>
        </select>
      </Field>
      <Field id="child-id-number" label={zhCN.children.idNumber} error={errors().idNumber}>
        <input id="child-id-number" class="input" type="text" autocomplete="off" maxlength="40" autocapitalize="characters"
          placeholder={zhCN.children.idNumberPlaceholder} value={idNumber()} onInput={(e) => setIdNumber(e.currentTarget.value)} />
      </Field>
      <FormError message={formError()} />
      <Show when={boundElsewhere()}>
        {(child) => (
          <div class="field">
            <p class="muted">{zhCN.claim.openHint}</p>
            <button type="button" class="button button-block button-danger" onClick={() => props.onClaim(child())}>{zhCN.claim.open}</button>
          </div>
        )}
      </Show>
      <button type="submit" class="button button-primary button-block" disabled={add.pending()}>
        {add.pending() ? zhCN.children.adding : zhCN.children.add}
      </button>
    </form>
  );
}

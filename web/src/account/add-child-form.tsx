import { createSignal, For, Show } from 'solid-js';
import { idTypes } from '../../../src/domain/identity';
import { zhCN } from '../i18n/zh-CN';
import { refreshAccount } from '../lib/account';
import { api, type RouterInputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import type { ClaimedChild } from './claim-form';
import { Field, FormError } from './field';
import { BureauContact } from '../ui/contact-line';

type IdType = keyof typeof idTypes;

/** Binds a child to the account, then reads the account again. */
const addChild = write('account.addChild', async (input: RouterInputs['children']['add']) => {
  const child = await api.children.add.mutate(input);
  await refreshAccount();
  return child;
});

/**
 * 添加孩子: name, ID type and number. A child bound elsewhere is answered with the refusal and a way to file a
 * 绑定申诉 for exactly that child (`onClaim`).
 */
export function AddChildForm(props: { onAdded: (child: { id: string; name: string }) => void; onClaim: (child: ClaimedChild) => void }) {
  const [name, setName] = createSignal('');
  const [idType, setIdType] = createSignal<IdType>('resident');
  const [idNumber, setIdNumber] = createSignal('');
  const adding = useWrite(addChild);
  const errors = (): Record<string, string | undefined> => adding.problem()?.fields ?? {};
  const formError = () => {
    const p = adding.problem();
    return p && !Object.values(p.fields).some(Boolean) ? p.message : undefined;
  };
  const [boundElsewhere, setBoundElsewhere] = createSignal<ClaimedChild>();

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (adding.pending()) return;
    setBoundElsewhere(undefined);
    const outcome = await adding.run({ name: name(), idType: idType(), idNumber: idNumber() });
    if (!outcome) return;
    if (outcome.ok) {
      setName('');
      setIdNumber('');
      props.onAdded(outcome.value);
    } else if (outcome.problem.domainCode === 'CHILD_ALREADY_BOUND') {
      setBoundElsewhere({ name: name().trim(), idType: idType(), idNumber: idNumber().trim() });
    }
  };

  return (
    <form class="form-card" onSubmit={(e) => void add(e)} novalidate>
      <h2 class="section-title">{zhCN.children.add}</h2>
      <Field id="child-name" label={zhCN.children.name} error={errors().name}>
        <input
          id="child-name"
          class="input"
          type="text"
          autocomplete="off"
          maxlength="20"
          placeholder={zhCN.children.namePlaceholder}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <Field id="child-id-type" label={zhCN.children.idType} error={errors().idType}>
        <select id="child-id-type" class="select input" value={idType()} onChange={(e) => setIdType(e.currentTarget.value as IdType)}>
          <For each={Object.entries(idTypes)}>{([code, label]) => <option value={code}>{label}</option>}</For>
        </select>
      </Field>
      <Field id="child-id-number" label={zhCN.children.idNumber} error={errors().idNumber}>
        <input
          id="child-id-number"
          class="input"
          type="text"
          autocomplete="off"
          maxlength="40"
          autocapitalize="characters"
          placeholder={zhCN.children.idNumberPlaceholder}
          value={idNumber()}
          onInput={(e) => setIdNumber(e.currentTarget.value)}
        />
      </Field>
      <FormError message={formError()} />
      <Show when={boundElsewhere()}>
        {(child) => (
          <div class="field">
            <p class="muted">{zhCN.claim.openHint}</p>
            <BureauContact />
            <button type="button" class="button button-block button-danger" onClick={() => props.onClaim(child())}>
              {zhCN.claim.open}
            </button>
          </div>
        )}
      </Show>
      <button type="submit" class="button button-primary button-block" disabled={adding.pending()}>
        {adding.pending() ? zhCN.children.adding : zhCN.children.add}
      </button>
    </form>
  );
}

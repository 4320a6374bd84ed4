import { createSignal, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { refreshAccount } from '../lib/account';
import type { Problem } from '../lib/problem';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { CodeButton } from './code-button';
import { createCodeRequest } from './code-request';
import { Field, FormError } from './field';
import { CodeInput, PhoneInput } from './phone-code-inputs';

/** Moves the account to the new number, confirmed by its code, then reads the account again. */
const changePhone = write('account.changePhone', async (phone: string, code: string) => {
  const changed = await api.auth.changePhone.mutate({ phone, code });
  await refreshAccount();
  return changed;
});

/** 更换手机号: a code goes to the new number; once it is confirmed the account signs in with that number. */
export function ChangePhone() {
  const [open, setOpen] = createSignal(false);
  const [phone, setPhone] = createSignal('');
  const [code, setCode] = createSignal('');
  const [phoneError, setPhoneError] = createSignal<string>();
  const [codeError, setCodeError] = createSignal<string>();
  const [formError, setFormError] = createSignal<string>();
  const [done, setDone] = createSignal<string>();

  const clear = () => {
    setPhoneError(undefined);
    setCodeError(undefined);
    setFormError(undefined);
  };
  const show = (p: Problem, where: 'phone' | 'code') => {
    setPhoneError(p.fields.phone);
    setCodeError(p.fields.code);
    if (!p.fields.phone && !p.fields.code) (where === 'phone' ? setPhoneError : setCodeError)(p.message);
    if (!p.code) {
      clear();
      setFormError(p.message);
    }
  };

  const codeRequest = createCodeRequest({ purpose: 'change_phone', phone, onFailed: (p) => show(p, 'phone') });
  const sendCode = () => {
    clear();
    void codeRequest.send();
  };

  const changing = useWrite(changePhone);
  const change = async (event: SubmitEvent) => {
    event.preventDefault();
    if (changing.pending()) return;
    clear();
    const outcome = await changing.run(phone(), code());
    if (!outcome) return;
    if (!outcome.ok) return show(outcome.problem, 'code');
    setDone(zhCN.me.changed(outcome.value.phoneMasked));
    setOpen(false);
    setPhone('');
    setCode('');
  };

  return (
    <section class="section">
      <Show when={done()}>
        <p class="notice-ok" role="status">
          {done()}
        </p>
      </Show>
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            class="button button-block"
            onClick={() => {
              setDone(undefined);
              setOpen(true);
            }}
          >
            {zhCN.me.changePhone}
          </button>
        }
      >
        <form class="form-card" onSubmit={(e) => void change(e)} novalidate>
          <h2 class="section-title">{zhCN.me.changePhone}</h2>
          <Field
            id="new-phone"
            label={zhCN.me.newPhone}
            error={phoneError()}
            hint={zhCN.me.newPhoneHint}
            action={<CodeButton left={codeRequest.secondsLeft()} pending={codeRequest.sending()} onClick={sendCode} />}
          >
            <PhoneInput id="new-phone" value={phone()} invalid={!!phoneError()} onInput={setPhone} />
          </Field>
          <Field id="new-phone-code" label={zhCN.login.code} error={codeError()}>
            <CodeInput id="new-phone-code" value={code()} invalid={!!codeError()} onInput={setCode} />
          </Field>
          <FormError message={formError()} />
          <div class="button-row">
            <button
              type="button"
              class="button"
              onClick={() => {
                clear();
                setOpen(false);
              }}
            >
              {zhCN.me.cancel}
            </button>
            <button type="submit" class="button button-primary" disabled={changing.pending()}>
              {changing.pending() ? zhCN.me.changing : zhCN.me.confirmChange}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

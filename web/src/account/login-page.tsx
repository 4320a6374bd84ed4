import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { privacyNoticeVersion } from '../../../src/domain/privacy-notice';
import { zhCN } from '../i18n/zh-CN';
import { refreshAccount } from '../lib/account';
import { safeReturn } from '../lib/return-path';
import type { Problem } from '../lib/problem';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { useTitle } from '../ui/title';
import { CodeButton } from './code-button';
import { createCodeRequest } from './code-request';
import { Field, FormError } from './field';
import { CodeInput, PhoneInput } from './phone-code-inputs';

/** Signs in with the number and code, then reads the account again. */
const signInWithCode = write('account.signIn', async (phone: string, code: string) => {
  await api.auth.signIn.mutate({ phone, code, acceptedNotice: privacyNoticeVersion });
  await refreshAccount();
});

/** `/login?from=…`: mobile number, SMS code, then back to where the parent came from (or 个人中心). */
export function LoginPage() {
  const [search] = useSearchParams<{ from?: string; phone?: string }>();
  const navigate = useNavigate();
  useTitle(() => zhCN.login.title);

  const [phone, setPhone] = createSignal(search.phone ?? '');
  const [code, setCode] = createSignal('');
  const [sentTo, setSentTo] = createSignal<{ masked: string; minutes: number }>();
  const [demo, setDemo] = createSignal(false);
  const [phoneError, setPhoneError] = createSignal<string>();
  const [codeError, setCodeError] = createSignal<string>();
  const [formError, setFormError] = createSignal<string>();
  const [consented, setConsented] = createSignal(false);
  const [consentError, setConsentError] = createSignal<string>();

  const show = (p: Problem, where: 'phone' | 'code') => {
    setPhoneError(p.fields.phone);
    setCodeError(p.fields.code);
    setConsentError(p.fields.acceptedNotice);
    if (p.fields.acceptedNotice) return;
    if (!p.fields.phone && !p.fields.code) (where === 'phone' ? setPhoneError : setCodeError)(p.message);
    if (p.domainCode === 'UNTRUSTED_ORIGIN' || !p.code) {
      setPhoneError(undefined);
      setCodeError(undefined);
      setFormError(p.message);
    }
  };
  const clear = () => {
    setPhoneError(undefined);
    setCodeError(undefined);
    setFormError(undefined);
    setConsentError(undefined);
  };

  const codeRequest = createCodeRequest({
    purpose: 'sign_in',
    phone,
    onSent: (sent) => {
      setSentTo({
        masked: phone()
          .trim()
          .replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2'),
        minutes: Math.round(sent.expiresInSeconds / 60),
      });
      document.getElementById('login-code')?.focus();
      // Demo mode has an inbox to read the code from; outside it the API says the inbox does not exist.
      api.dev.inbox.query({ phone: phone() }).then(
        () => setDemo(true),
        () => setDemo(false),
      );
    },
    onFailed: (p) => show(p, 'phone'),
  });
  const sendCode = () => {
    clear();
    void codeRequest.send();
  };

  const signing = useWrite(signInWithCode);
  const signIn = async (event: SubmitEvent) => {
    event.preventDefault();
    if (signing.pending()) return;
    clear();
    if (!consented()) {
      setConsentError(zhCN.login.consentMissing);
      document.getElementById('login-consent')?.focus();
      return;
    }
    const outcome = await signing.run(phone(), code());
    if (outcome?.ok) navigate(safeReturn(search.from), { replace: true });
    else if (outcome) show(outcome.problem, 'code');
  };

  return (
    <>
      <h1 class="page-title">{zhCN.login.title}</h1>
      <p class="muted">{zhCN.login.intro}</p>
      <form class="form-card" onSubmit={(e) => void signIn(e)} novalidate>
        <Field
          id="login-phone"
          label={zhCN.login.phone}
          error={phoneError()}
          action={<CodeButton left={codeRequest.secondsLeft()} pending={codeRequest.sending()} onClick={sendCode} />}
        >
          <PhoneInput id="login-phone" value={phone()} invalid={!!phoneError()} onInput={setPhone} />
        </Field>
        <Field
          id="login-code"
          label={zhCN.login.code}
          error={codeError()}
          hint={sentTo() && zhCN.login.sentTo(sentTo()!.masked, sentTo()!.minutes)}
        >
          <CodeInput id="login-code" value={code()} invalid={!!codeError()} onInput={setCode} />
        </Field>
        <div class="field consent">
          <label class="consent-label">
            <input
              id="login-consent"
              type="checkbox"
              checked={consented()}
              aria-invalid={!!consentError()}
              aria-describedby={consentError() ? 'login-consent-error' : undefined}
              onChange={(e) => {
                setConsented(e.currentTarget.checked);
                setConsentError(undefined);
              }}
            />
            <span>
              {zhCN.login.consentBefore}
              <A href={`/privacy?from=${encodeURIComponent(search.from ?? '')}`}>{zhCN.login.consentLink}</A>
            </span>
          </label>
          <Show when={consentError()}>
            <p class="field-error" id="login-consent-error" role="alert">
              {consentError()}
            </p>
          </Show>
        </div>
        <FormError message={formError()} />
        <button type="submit" class="button button-primary button-block" disabled={signing.pending()}>
          {signing.pending() ? zhCN.login.submitting : zhCN.login.submit}
        </button>
      </form>
      <Show when={demo()}>
        <div class="demo-note">
          <p class="muted">{zhCN.login.demoHint}</p>
          <A href={`/dev/inbox?phone=${encodeURIComponent(phone().trim())}&from=${encodeURIComponent(search.from ?? '')}`}>
            {zhCN.login.demoInbox}
          </A>
        </div>
      </Show>
    </>
  );
}

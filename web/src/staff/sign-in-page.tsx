import { createAsync, revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { getStaffMe } from './data';
import { staffTitle } from './format';

/** Where to go after signing in: a staff page of this site only. */
function safeStaffReturn(from: unknown) {
  return typeof from === 'string' && /^\/staff\/[^/]/.test(from) && !from.startsWith('//') ? from : '/staff/queue';
}

/** Signs a staff member in, then reads who is signed in again. */
const signInStaff = write('staff.signIn', async (username: string, password: string) => {
  await api.review.signIn.mutate({ username, password });
  await revalidate(getStaffMe.key);
});

/** `/staff`: username and password. Wrong details, lockout and expired sessions are said in plain words. */
export function SignInPage() {
  const [search] = useSearchParams<{ from?: string; expired?: string }>();
  const navigate = useNavigate();
  const me = createAsync(() => getStaffMe());
  staffTitle(zhStaff.signIn.title);

  // Already signed in: straight to the work.
  createEffect(() => {
    if (me()) navigate(safeStaffReturn(search.from), { replace: true });
  });

  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const signing = useWrite(signInStaff);
  const usernameError = () => signing.problem()?.fields.username;
  const passwordError = () => signing.problem()?.fields.password;
  const formError = () => {
    const p = signing.problem();
    return p && !p.fields.username && !p.fields.password ? p.message : undefined;
  };
  let passwordInput: HTMLInputElement | undefined;
  let usernameInput: HTMLInputElement | undefined;

  const signIn = async (event: SubmitEvent) => {
    event.preventDefault();
    const outcome = await signing.run(username().trim(), password());
    if (outcome?.ok) navigate(safeStaffReturn(search.from), { replace: true });
    else if (outcome?.problem.fields.username) usernameInput?.focus();
    else if (outcome) passwordInput?.select();
  };

  return (
    <main class="staff-signin">
      <div class="staff-signin-card">
        <p class="staff-signin-platform">{zhStaff.platform}</p>
        <h1 class="staff-title">{zhStaff.signIn.title}</h1>
        <p class="staff-muted">{zhStaff.signIn.intro}</p>
        <Show when={search.expired && !formError()}>
          <p class="staff-notice" role="status">
            {zhStaff.signIn.expired}
          </p>
        </Show>
        <form class="staff-form" onSubmit={(e) => void signIn(e)} novalidate>
          <div class="staff-field">
            <label for="staff-username">{zhStaff.signIn.username}</label>
            <input
              id="staff-username"
              ref={usernameInput}
              class="staff-input"
              type="text"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              maxlength="40"
              autofocus
              value={username()}
              aria-invalid={!!usernameError()}
              aria-describedby={usernameError() ? 'staff-username-error' : undefined}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
            <Show when={usernameError()}>
              <p class="staff-field-error" id="staff-username-error" role="alert">
                {usernameError()}
              </p>
            </Show>
          </div>
          <div class="staff-field">
            <label for="staff-password">{zhStaff.signIn.password}</label>
            <input
              id="staff-password"
              ref={passwordInput}
              class="staff-input"
              type="password"
              autocomplete="current-password"
              maxlength="200"
              value={password()}
              aria-invalid={!!passwordError()}
              aria-describedby={passwordError() ? 'staff-password-error' : undefined}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
            <Show when={passwordError()}>
              <p class="staff-field-error" id="staff-password-error" role="alert">
                {passwordError()}
              </p>
            </Show>
          </div>
          <Show when={formError()}>
            <p class="staff-form-error" role="alert">
              {formError()}
            </p>
          </Show>
          <button type="submit" class="staff-button staff-button-primary staff-button-wide" disabled={signing.pending()}>
            {signing.pending() ? zhStaff.signIn.submitting : zhStaff.signIn.submit}
          </button>
        </form>
      </div>
    </main>
  );
}

import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { problemOf } from '../lib/problem';
import { createSubmit } from '../lib/submit';
import { api } from '../lib/trpc';
import { getStaffCatalog, getStaffList, type StaffAccount, useStaffMe } from './data';
import { chinaDateTime, staffTitle } from './format';

type Role = 'admin' | 'county_reviewer' | 'school_reviewer';
const roles: Role[] = ['county_reviewer', 'school_reviewer', 'admin'];

/** `/staff/accounts` (admin): every account, a new one (a school reviewer is bound to a school), disable/enable, reset password. */
export function AccountsPage() {
  staffTitle(zhStaff.accounts.title);
  const list = createAsync(() => getStaffList());
  const me = useStaffMe();
  const [notice, setNotice] = createSignal<string>();
  const [rowError, setRowError] = createSignal<{ id: string; message: string }>();
  const [resetting, setResetting] = createSignal<string>();

  const toggle = async (account: StaffAccount) => {
    setNotice(undefined);
    setRowError(undefined);
    try {
      await api.admin.updateStaff.mutate({ staffId: account.id, disabled: !account.disabled });
      setNotice(zhStaff.accounts.updated(account.username));
      await revalidate(getStaffList.key);
    } catch (e) {
      setRowError({ id: account.id, message: problemOf(e).message });
    }
  };

  return (
    <div class="staff-page">
      <h1 class="staff-title">{zhStaff.accounts.title}</h1>
      <Show when={notice()}><p class="staff-notice" role="status">{notice()}</p></Show>
      <section class="staff-panel" aria-labelledby="accounts-list">
        <h2 id="accounts-list" class="staff-section-title">{zhStaff.accounts.list}</h2>
        <div class="staff-table-wrap">
          <table class="staff-table">
            <thead>
              <tr>
                <th scope="col">{zhStaff.accounts.columns.username}</th>
                <th scope="col">{zhStaff.accounts.columns.name}</th>
                <th scope="col">{zhStaff.accounts.columns.role}</th>
                <th scope="col">{zhStaff.accounts.columns.school}</th>
                <th scope="col">{zhStaff.accounts.columns.state}</th>
                <th scope="col">{zhStaff.accounts.columns.createdAt}</th>
                <th scope="col">{zhStaff.accounts.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              <For each={list() ?? []}>
                {(a) => (
                  <tr classList={{ 'staff-row-muted': a.disabled }}>
                    <td class="staff-mono">{a.username}<Show when={a.id === me()?.staffId}><span class="staff-muted">{zhStaff.accounts.self}</span></Show></td>
                    <td>{a.displayName}</td>
                    <td class="staff-nowrap">{a.roleName}</td>
                    <td>{a.schoolName ?? '—'}</td>
                    <td class="staff-nowrap">
                      <span class="staff-tag" classList={{ 'staff-tag-warn': a.disabled || a.locked }}>
                        {a.disabled ? zhStaff.accounts.disabled : a.locked ? zhStaff.accounts.locked : zhStaff.accounts.active}
                      </span>
                    </td>
                    <td class="staff-nowrap staff-mono">{chinaDateTime(a.createdAt)}</td>
                    <td>
                      <div class="staff-row-actions">
                        <Show when={a.id !== me()?.staffId}>
                          <button type="button" class="staff-button staff-button-small" classList={{ 'staff-button-danger': !a.disabled }}
                            aria-label={`${a.disabled ? zhStaff.accounts.enable : zhStaff.accounts.disable} ${a.username}`} onClick={() => void toggle(a)}>
                            {a.disabled ? zhStaff.accounts.enable : zhStaff.accounts.disable}
                          </button>
                        </Show>
                        <button type="button" class="staff-button staff-button-small" aria-expanded={resetting() === a.id}
                          aria-label={`${zhStaff.accounts.resetPassword} ${a.username}`}
                          onClick={() => { setNotice(undefined); setResetting(resetting() === a.id ? undefined : a.id); }}>
                          {zhStaff.accounts.resetPassword}
                        </button>
                      </div>
                      <Show when={resetting() === a.id}>
                        <ResetPassword account={a} onDone={() => { setResetting(undefined); setNotice(zhStaff.accounts.passwordReset(a.username)); }}
                          onCancel={() => setResetting(undefined)} />
                      </Show>
                      <Show when={rowError()?.id === a.id}><p class="staff-field-error" role="alert">{rowError()!.message}</p></Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
      <CreateAccount onCreated={(u) => setNotice(zhStaff.accounts.created(u))} />
    </div>
  );
}

function ResetPassword(props: { account: StaffAccount; onDone: () => void; onCancel: () => void }) {
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string>();
  const id = `reset-${props.account.id}`;
  const save = createSubmit(async () => {
    setError(undefined);
    try {
      await api.admin.updateStaff.mutate({ staffId: props.account.id, password: password() });
      await revalidate(getStaffList.key);
      props.onDone();
    } catch (e) {
      const p = problemOf(e);
      setError(p.fields.password ?? p.message);
    }
  });
  return (
    <form class="staff-inline-form" onSubmit={save.submit} novalidate>
      <label for={id}>{zhStaff.accounts.newPassword}</label>
      <input id={id} class="staff-input" type="password" autocomplete="new-password" maxlength="200" value={password()}
        ref={(el) => queueMicrotask(() => el.focus())} aria-invalid={!!error()} onInput={(e) => setPassword(e.currentTarget.value)}
        onKeyDown={(e) => { if (e.key === 'Escape') props.onCancel(); }} />
      <button type="submit" class="staff-button staff-button-primary staff-button-small" disabled={save.pending()}>{zhStaff.accounts.save}</button>
      <button type="button" class="staff-button staff-button-small" onClick={() => props.onCancel()}>{zhStaff.accounts.cancel}</button>
      <Show when={error()}><p class="staff-field-error" role="alert">{error()}</p></Show>
    </form>
  );
}

function CreateAccount(props: { onCreated: (username: string) => void }) {
  const catalog = createAsync(() => getStaffCatalog());
  const [username, setUsername] = createSignal('');
  const [displayName, setDisplayName] = createSignal('');
  const [role, setRole] = createSignal<Role>('county_reviewer');
  const [schoolId, setSchoolId] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string | undefined>>({});
  const [formError, setFormError] = createSignal<string>();

  const create = createSubmit(async () => {
    setErrors({});
    setFormError(undefined);
    try {
      await api.admin.createStaff.mutate({
        username: username().trim(), displayName: displayName().trim(), role: role(),
        schoolId: role() === 'school_reviewer' ? schoolId() || null : null, password: password(),
      });
      props.onCreated(username().trim());
      setUsername('');
      setDisplayName('');
      setPassword('');
      setSchoolId('');
      await revalidate(getStaffList.key);
    } catch (e) {
      const p = problemOf(e);
      setErrors(p.fields);
      if (Object.values(p.fields).every((v) => !v)) setFormError(p.message);
    }
  });

  const field = (id: string, name: string, label: string, input: () => JSX.Element, hint?: string) => (
    <div class="staff-field">
      <label for={id}>{label}</label>
      {input()}
      <Show when={errors()[name]} fallback={hint && <p class="staff-muted">{hint}</p>}>
        <p class="staff-field-error" role="alert">{errors()[name]}</p>
      </Show>
    </div>
  );

  return (
    <section class="staff-panel" aria-labelledby="create-title">
      <h2 id="create-title" class="staff-section-title">{zhStaff.accounts.create}</h2>
      <form class="staff-create" onSubmit={create.submit} novalidate>
        {field('new-username', 'username', zhStaff.accounts.username, () => (
          <input id="new-username" class="staff-input" autocomplete="off" spellcheck={false} maxlength="40" value={username()}
            aria-invalid={!!errors().username} onInput={(e) => setUsername(e.currentTarget.value)} />
        ), zhStaff.accounts.usernameHint)}
        {field('new-name', 'displayName', zhStaff.accounts.displayName, () => (
          <input id="new-name" class="staff-input" maxlength="40" value={displayName()} aria-invalid={!!errors().displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)} />
        ))}
        {field('new-role', 'role', zhStaff.accounts.role, () => (
          <select id="new-role" class="staff-select" onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={roles}>{(r) => <option value={r} selected={role() === r}>{zhStaff.roles[r]}</option>}</For>
          </select>
        ))}
        <Show when={role() === 'school_reviewer'}>
          {field('new-school', 'schoolId', zhStaff.accounts.school, () => (
            <select id="new-school" class="staff-select" aria-invalid={!!errors().schoolId} onChange={(e) => setSchoolId(e.currentTarget.value)}>
              <option value="">{zhStaff.accounts.pickSchool}</option>
              <For each={catalog()?.schools ?? []}>{(s) => <option value={s.id} selected={schoolId() === s.id}>{s.name}</option>}</For>
            </select>
          ))}
        </Show>
        {field('new-password', 'password', zhStaff.accounts.password, () => (
          <input id="new-password" class="staff-input" type="password" autocomplete="new-password" maxlength="200" value={password()}
            aria-invalid={!!errors().password} onInput={(e) => setPassword(e.currentTarget.value)} />
        ), zhStaff.accounts.passwordHint)}
        <div class="staff-create-actions">
          <button type="submit" class="staff-button staff-button-primary" disabled={create.pending()}>
            {create.pending() ? zhStaff.accounts.creating : zhStaff.accounts.create}
          </button>
        </div>
        <Show when={formError()}><p class="staff-form-error staff-create-error" role="alert">{formError()}</p></Show>
      </form>
    </section>
  );
}

import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api, type RouterInputs } from '../lib/trpc';
import { formOnlyMessage } from '../lib/problem';
import { useWrite, write } from '../lib/write';
import { getStaffCatalog, getStaffList, type StaffAccount, useStaffMe } from './data';
import { fieldsOf } from './field';
import { chinaDateTime, staffTitle } from './format';

type Role = 'admin' | 'county_reviewer' | 'school_reviewer' | 'agent';
const roles: Role[] = ['county_reviewer', 'school_reviewer', 'agent', 'admin'];

/** Changes an account (disabled, password), then reads the list again. */
const updateStaff = write('staff.updateStaff', async (input: RouterInputs['admin']['updateStaff']) => {
  await api.admin.updateStaff.mutate(input);
  await revalidate(getStaffList.key);
});

/** Creates an account, then reads the list again. */
const createStaff = write('staff.createStaff', async (input: RouterInputs['admin']['createStaff']) => {
  await api.admin.createStaff.mutate(input);
  await revalidate(getStaffList.key);
});

/** `/staff/accounts` (admin): every account, a new one (a school reviewer is bound to a school), disable/enable, reset password. */
export function AccountsPage() {
  staffTitle(zhStaff.accounts.title);
  const list = createAsync(() => getStaffList());
  const me = useStaffMe();
  const [notice, setNotice] = createSignal<string>();
  const toggling = useWrite(updateStaff, ([input]) => input.disabled !== undefined);
  const rowError = () => {
    const p = toggling.problem();
    return p && { id: toggling.last()!.input[0].staffId, message: p.message };
  };
  const [resetting, setResetting] = createSignal<string>();

  const toggle = async (account: StaffAccount) => {
    setNotice(undefined);
    if ((await toggling.run({ staffId: account.id, disabled: !account.disabled }))?.ok)
      setNotice(zhStaff.accounts.updated(account.username));
  };

  return (
    <div class="staff-page">
      <h1 class="staff-title">{zhStaff.accounts.title}</h1>
      <Show when={notice()}>
        <p class="staff-notice" role="status">
          {notice()}
        </p>
      </Show>
      <section class="staff-panel" aria-labelledby="accounts-list">
        <h2 id="accounts-list" class="staff-section-title">
          {zhStaff.accounts.list}
        </h2>
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
                    <td class="staff-mono">
                      {a.username}
                      <Show when={a.id === me()?.staffId}>
                        <span class="staff-muted">{zhStaff.accounts.self}</span>
                      </Show>
                    </td>
                    <td>{a.displayName}</td>
                    <td class="staff-nowrap">{a.roleName}</td>
                    <td>{a.schoolName ?? a.office ?? '—'}</td>
                    <td class="staff-nowrap">
                      <span class="staff-tag" classList={{ 'staff-tag-warn': a.disabled || a.locked }}>
                        {a.disabled ? zhStaff.accounts.disabled : a.locked ? zhStaff.accounts.locked : zhStaff.accounts.active}
                      </span>
                    </td>
                    <td class="staff-nowrap staff-mono">{chinaDateTime(a.createdAt)}</td>
                    <td>
                      <div class="staff-row-actions">
                        <Show when={a.id !== me()?.staffId}>
                          <button
                            type="button"
                            class="staff-button staff-button-small"
                            classList={{ 'staff-button-danger': !a.disabled }}
                            aria-label={`${a.disabled ? zhStaff.accounts.enable : zhStaff.accounts.disable} ${a.username}`}
                            onClick={() => void toggle(a)}
                          >
                            {a.disabled ? zhStaff.accounts.enable : zhStaff.accounts.disable}
                          </button>
                        </Show>
                        <button
                          type="button"
                          class="staff-button staff-button-small"
                          aria-expanded={resetting() === a.id}
                          aria-label={`${zhStaff.accounts.resetPassword} ${a.username}`}
                          onClick={() => {
                            setNotice(undefined);
                            setResetting(resetting() === a.id ? undefined : a.id);
                          }}
                        >
                          {zhStaff.accounts.resetPassword}
                        </button>
                      </div>
                      <Show when={resetting() === a.id}>
                        <ResetPassword
                          account={a}
                          onDone={() => {
                            setResetting(undefined);
                            setNotice(zhStaff.accounts.passwordReset(a.username));
                          }}
                          onCancel={() => setResetting(undefined)}
                        />
                      </Show>
                      <Show when={rowError()?.id === a.id}>
                        <p class="staff-field-error" role="alert">
                          {rowError()!.message}
                        </p>
                      </Show>
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
  const saving = useWrite(updateStaff, ([input]) => input.staffId === props.account.id && input.password !== undefined);
  const error = () => {
    const p = saving.problem();
    return p && (p.fields.password ?? p.message);
  };
  const id = `reset-${props.account.id}`;
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if ((await saving.run({ staffId: props.account.id, password: password() }))?.ok) props.onDone();
  };
  return (
    <form class="staff-inline-form" onSubmit={(e) => void save(e)} novalidate>
      <label for={id}>{zhStaff.accounts.newPassword}</label>
      <input
        id={id}
        class="staff-input"
        type="password"
        autocomplete="new-password"
        maxlength="200"
        value={password()}
        ref={(el) => queueMicrotask(() => el.focus())}
        aria-invalid={!!error()}
        onInput={(e) => setPassword(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onCancel();
        }}
      />
      <button type="submit" class="staff-button staff-button-primary staff-button-small" disabled={saving.pending()}>
        {zhStaff.accounts.save}
      </button>
      <button type="button" class="staff-button staff-button-small" onClick={() => props.onCancel()}>
        {zhStaff.accounts.cancel}
      </button>
      <Show when={error()}>
        <p class="staff-field-error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  );
}

function CreateAccount(props: { onCreated: (username: string) => void }) {
  const catalog = createAsync(() => getStaffCatalog());
  const [username, setUsername] = createSignal('');
  const [displayName, setDisplayName] = createSignal('');
  const [role, setRole] = createSignal<Role>('county_reviewer');
  const [schoolId, setSchoolId] = createSignal('');
  const [office, setOffice] = createSignal('');
  const [password, setPassword] = createSignal('');
  const creating = useWrite(createStaff);
  const errors = (): Record<string, string | undefined> => creating.problem()?.fields ?? {};
  const formError = () => formOnlyMessage(creating.problem());

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const created = await creating.run({
      username: username().trim(),
      displayName: displayName().trim(),
      role: role(),
      schoolId: role() === 'school_reviewer' || role() === 'agent' ? schoolId() || null : null,
      office: role() === 'agent' && !schoolId() ? office().trim() || null : null,
      password: password(),
    });
    if (!created?.ok) return;
    props.onCreated(username().trim());
    setUsername('');
    setDisplayName('');
    setPassword('');
    setSchoolId('');
    setOffice('');
  };

  const field = fieldsOf(errors);

  return (
    <section class="staff-panel" aria-labelledby="create-title">
      <h2 id="create-title" class="staff-section-title">
        {zhStaff.accounts.create}
      </h2>
      <form class="staff-create" onSubmit={(e) => void create(e)} novalidate>
        {field(
          'new-username',
          'username',
          zhStaff.accounts.username,
          () => (
            <input
              id="new-username"
              class="staff-input"
              autocomplete="off"
              spellcheck={false}
              maxlength="40"
              value={username()}
              aria-invalid={!!errors().username}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          ),
          zhStaff.accounts.usernameHint,
        )}
        {field('new-name', 'displayName', zhStaff.accounts.displayName, () => (
          <input
            id="new-name"
            class="staff-input"
            maxlength="40"
            value={displayName()}
            aria-invalid={!!errors().displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
        ))}
        {field('new-role', 'role', zhStaff.accounts.role, () => (
          <select id="new-role" class="staff-select" onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={roles}>
              {(r) => (
                <option value={r} selected={role() === r}>
                  {zhStaff.roles[r]}
                </option>
              )}
            </For>
          </select>
        ))}
        <Show when={role() === 'school_reviewer' || role() === 'agent'}>
          {field('new-school', 'schoolId', zhStaff.accounts.school, () => (
            <select
              id="new-school"
              class="staff-select"
              aria-invalid={!!errors().schoolId}
              onChange={(e) => setSchoolId(e.currentTarget.value)}
            >
              <option value="">{zhStaff.accounts.pickSchool}</option>
              <For each={catalog()?.schools ?? []}>
                {(s) => (
                  <option value={s.id} selected={schoolId() === s.id}>
                    {s.name}
                  </option>
                )}
              </For>
            </select>
          ))}
        </Show>
        <Show when={role() === 'agent' && !schoolId()}>
          {field(
            'new-office',
            'office',
            zhStaff.accounts.office,
            () => (
              <input
                id="new-office"
                class="staff-input"
                maxlength="60"
                value={office()}
                aria-invalid={!!errors().office}
                onInput={(e) => setOffice(e.currentTarget.value)}
              />
            ),
            zhStaff.accounts.officeHint,
          )}
        </Show>
        {field(
          'new-password',
          'password',
          zhStaff.accounts.password,
          () => (
            <input
              id="new-password"
              class="staff-input"
              type="password"
              autocomplete="new-password"
              maxlength="200"
              value={password()}
              aria-invalid={!!errors().password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          ),
          zhStaff.accounts.passwordHint,
        )}
        <div class="staff-create-actions">
          <button type="submit" class="staff-button staff-button-primary" disabled={creating.pending()}>
            {creating.pending() ? zhStaff.accounts.creating : zhStaff.accounts.create}
          </button>
        </div>
        <Show when={formError()}>
          <p class="staff-form-error staff-create-error" role="alert">
            {formError()}
          </p>
        </Show>
      </form>
    </section>
  );
}

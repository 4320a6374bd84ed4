import { createAsync, query, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { keyNameMax, perMinuteBounds, perMinuteDefault } from '../../../src/domain/integration-key';
import { type IntegrationScope, integrationScopes } from '../../../src/domain/integration-scope';
import { zhKeys as t } from '../i18n/zh-CN-staff-keys';
import { api, type RouterInputs, type RouterOutputs } from '../lib/trpc';
import { formOnlyMessage } from '../lib/problem';
import { useWrite, write } from '../lib/write';
import { getStaffCatalog } from './data';
import { fieldsOf } from './field';
import { AdminPage, StaffTable } from './admin-page';
import { chinaDateTime } from './format';

type Key = RouterOutputs['admin']['integrationKeys']['list'][number];
const scopeCodes = Object.keys(integrationScopes) as IntegrationScope[];

export const getIntegrationKeys = query(() => api.admin.integrationKeys.list.query(), 'staff.integrationKeys');

const createKey = write('staff.createIntegrationKey', async (input: RouterInputs['admin']['integrationKeys']['create']) => {
  const created = await api.admin.integrationKeys.create.mutate(input);
  await revalidate(getIntegrationKeys.key);
  return created;
});
const rotateKey = write('staff.rotateIntegrationKey', async (input: RouterInputs['admin']['integrationKeys']['rotate']) => {
  const rotated = await api.admin.integrationKeys.rotate.mutate(input);
  await revalidate(getIntegrationKeys.key);
  return rotated;
});
const revokeKey = write('staff.revokeIntegrationKey', async (input: RouterInputs['admin']['integrationKeys']['revoke']) => {
  await api.admin.integrationKeys.revoke.mutate(input);
  await revalidate(getIntegrationKeys.key);
});

/** `/staff/admin/keys` (admin): every key, a new one (its secret shown once), rotation and revocation. */
export function KeysPage() {
  const list = createAsync(() => getIntegrationKeys());
  const [notice, setNotice] = createSignal<string>();
  const [secret, setSecret] = createSignal<{ name: string; token: string }>();
  const shown = (name: string, token: string, message: string) => {
    setNotice(message);
    setSecret({ name, token });
  };
  return (
    <AdminPage title={t.title} hint={t.intro} notice={notice()}>
      <Show when={secret()}>{(s) => <SecretOnce token={s().token} onDone={() => setSecret(undefined)} />}</Show>
      <section class="staff-panel" aria-labelledby="keys-list">
        <h2 id="keys-list" class="staff-section-title">
          {t.list}
        </h2>
        <Show when={(list() ?? []).length > 0} fallback={<p class="staff-muted">{t.none}</p>}>
          <StaffTable columns={Object.values(t.columns)}>
            <For each={list() ?? []}>
              {(key) => (
                <tr classList={{ 'staff-row-muted': key.state !== 'active' }}>
                  <td>{key.name}</td>
                  <td>{key.scopes.map((s) => integrationScopes[s]).join('；')}</td>
                  <td>{key.schoolName ?? t.allSchools}</td>
                  <td class="staff-mono">{key.perMinute}</td>
                  <td class="staff-nowrap staff-mono">{key.expiresAt ? chinaDateTime(key.expiresAt) : t.never}</td>
                  <td class="staff-nowrap">
                    <span class="staff-tag" classList={{ 'staff-tag-warn': key.state !== 'active' }}>
                      {key.stateName}
                    </span>
                    <Show when={key.previousValidUntil}>
                      {(until) => <p class="staff-muted">{t.previousUntil(chinaDateTime(until()))}</p>}
                    </Show>
                  </td>
                  <td>
                    <Show when={key.state !== 'revoked'}>
                      <KeyActions
                        keyRow={key}
                        onRotated={(token) => shown(key.name, token, t.rotated(key.name))}
                        onRevoked={() => {
                          setSecret(undefined);
                          setNotice(t.revoked(key.name));
                        }}
                      />
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </StaffTable>
        </Show>
      </section>
      <CreateKey onCreated={(name, token) => shown(name, token, t.created(name))} />
    </AdminPage>
  );
}

/** The secret, shown once: a copy button and the warning that it will not be shown again. */
function SecretOnce(props: { token: string; onDone: () => void }) {
  const [copied, setCopied] = createSignal<string>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.token);
      setCopied(t.copied);
    } catch {
      setCopied(t.copyFailed);
    }
  };
  return (
    <section class="staff-panel keys-secret" aria-labelledby="keys-secret" role="alert">
      <h2 id="keys-secret" class="staff-section-title">
        {t.secretTitle}
      </h2>
      <p class="staff-field-error">{t.secretWarning}</p>
      <input
        class="staff-input staff-mono keys-secret-value"
        readonly
        value={props.token}
        aria-label={t.secretTitle}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div class="staff-row-actions">
        <button type="button" class="staff-button staff-button-primary" onClick={() => void copy()}>
          {t.copy}
        </button>
        <button type="button" class="staff-button" onClick={() => props.onDone()}>
          {t.done}
        </button>
        <Show when={copied()}>
          <span class="staff-muted" role="status">
            {copied()}
          </span>
        </Show>
      </div>
    </section>
  );
}

/** 轮换 and 停用, each asking once more before it is sent. */
function KeyActions(props: { keyRow: Key; onRotated: (token: string) => void; onRevoked: () => void }) {
  const [confirming, setConfirming] = createSignal<'rotate' | 'revoke'>();
  const rotating = useWrite(rotateKey, ([input]) => input.keyId === props.keyRow.id);
  const revoking = useWrite(revokeKey, ([input]) => input.keyId === props.keyRow.id);
  const rotate = async () => {
    if (confirming() !== 'rotate') return setConfirming('rotate');
    setConfirming(undefined);
    const done = await rotating.run({ keyId: props.keyRow.id, version: props.keyRow.version });
    if (done?.ok) props.onRotated(done.value.token);
  };
  const revoke = async () => {
    if (confirming() !== 'revoke') return setConfirming('revoke');
    setConfirming(undefined);
    if ((await revoking.run({ keyId: props.keyRow.id, version: props.keyRow.version }))?.ok) props.onRevoked();
  };
  const problem = () => rotating.problem() ?? revoking.problem();
  return (
    <div>
      <div class="staff-row-actions">
        <button
          type="button"
          class="staff-button staff-button-small"
          disabled={rotating.pending()}
          aria-label={`${confirming() === 'rotate' ? t.confirmRotate : t.rotate} ${props.keyRow.name}`}
          onClick={() => void rotate()}
        >
          {confirming() === 'rotate' ? t.confirmRotate : t.rotate}
        </button>
        <button
          type="button"
          class="staff-button staff-button-small staff-button-danger"
          disabled={revoking.pending()}
          aria-label={`${confirming() === 'revoke' ? t.confirmRevoke : t.revoke} ${props.keyRow.name}`}
          onClick={() => void revoke()}
        >
          {confirming() === 'revoke' ? t.confirmRevoke : t.revoke}
        </button>
        <Show when={confirming()}>
          <button type="button" class="staff-button staff-button-small" onClick={() => setConfirming(undefined)}>
            {t.cancel}
          </button>
        </Show>
      </div>
      <Show when={confirming() === 'rotate'}>
        <p class="staff-muted">{t.rotateHint}</p>
      </Show>
      <Show when={problem()}>
        {(p) => (
          <p class="staff-field-error" role="alert">
            {p().message}
          </p>
        )}
      </Show>
    </div>
  );
}

function CreateKey(props: { onCreated: (name: string, token: string) => void }) {
  const catalog = createAsync(() => getStaffCatalog());
  const [name, setName] = createSignal('');
  const [scopes, setScopes] = createSignal<IntegrationScope[]>([]);
  const [schoolId, setSchoolId] = createSignal('');
  const [expiresOn, setExpiresOn] = createSignal('');
  const [perMinute, setPerMinute] = createSignal(String(perMinuteDefault));
  const creating = useWrite(createKey);
  const errors = (): Record<string, string | undefined> => creating.problem()?.fields ?? {};
  const formError = () => formOnlyMessage(creating.problem());
  const toggle = (scope: IntegrationScope, on: boolean) => setScopes((now) => (on ? [...now, scope] : now.filter((s) => s !== scope)));

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const created = await creating.run({
      name: name().trim(),
      scopes: scopes(),
      schoolId: schoolId() || null,
      // The end of the chosen day in China time.
      expiresAt: expiresOn() ? `${expiresOn()}T23:59:59+08:00` : null,
      perMinute: Number(perMinute()),
    });
    if (!created?.ok) return;
    props.onCreated(created.value.name, created.value.token);
    setName('');
    setScopes([]);
    setSchoolId('');
    setExpiresOn('');
  };

  const field = fieldsOf(errors);

  return (
    <section class="staff-panel" aria-labelledby="keys-create">
      <h2 id="keys-create" class="staff-section-title">
        {t.create}
      </h2>
      <form class="staff-create" onSubmit={(e) => void create(e)} novalidate>
        {field(
          'key-name',
          'name',
          t.name,
          () => (
            <input
              id="key-name"
              class="staff-input"
              maxlength={keyNameMax}
              value={name()}
              aria-invalid={!!errors().name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          ),
          t.nameHint,
        )}
        <fieldset class="staff-field">
          <legend>{t.scopes}</legend>
          <For each={scopeCodes}>
            {(scope) => (
              <label class="keys-scope">
                <input type="checkbox" checked={scopes().includes(scope)} onChange={(e) => toggle(scope, e.currentTarget.checked)} />
                {integrationScopes[scope]}
              </label>
            )}
          </For>
          <Show when={errors().scopes}>
            <p class="staff-field-error" role="alert">
              {errors().scopes}
            </p>
          </Show>
        </fieldset>
        {field('key-school', 'schoolId', t.school, () => (
          <select id="key-school" class="staff-select" onChange={(e) => setSchoolId(e.currentTarget.value)}>
            <option value="" selected={schoolId() === ''}>
              {t.allSchools}
            </option>
            <For each={catalog()?.schools ?? []}>
              {(s) => (
                <option value={s.id} selected={schoolId() === s.id}>
                  {s.name}
                </option>
              )}
            </For>
          </select>
        ))}
        {field('key-expires', 'expiresAt', t.expiresAt, () => (
          <input
            id="key-expires"
            class="staff-input"
            type="date"
            value={expiresOn()}
            aria-invalid={!!errors().expiresAt}
            onInput={(e) => setExpiresOn(e.currentTarget.value)}
          />
        ))}
        {field('key-limit', 'perMinute', t.perMinute, () => (
          <input
            id="key-limit"
            class="staff-input"
            type="number"
            min={perMinuteBounds.min}
            max={perMinuteBounds.max}
            value={perMinute()}
            aria-invalid={!!errors().perMinute}
            onInput={(e) => setPerMinute(e.currentTarget.value)}
          />
        ))}
        <div class="staff-create-actions">
          <button type="submit" class="staff-button staff-button-primary" disabled={creating.pending()}>
            {creating.pending() ? t.creating : t.create}
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

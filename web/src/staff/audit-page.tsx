import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { problemOf } from '../lib/problem';
import { api } from '../lib/trpc';
import { type AuditRow, getAudit, getStaffList } from './data';
import { chinaDateTime, staffTitle } from './format';

const pageSize = 100;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** What an entry's detail says, in words: the move and reason of a decision, the field revealed, the rows exported. */
function describe(row: AuditRow): string {
  const d = (row.detail ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.from === 'string' && typeof d.to === 'string')
    parts.push(`${zhStaff.statuses[d.from] ?? d.from} → ${zhStaff.statuses[d.to] ?? d.to}`);
  if (typeof d.reason === 'string') parts.push(zhStaff.audit.reasons[d.reason] ?? `原因：${d.reason}`);
  if (typeof d.field === 'string') parts.push(`证件号：${zhStaff.audit.fields[d.field] ?? d.field}`);
  if (typeof d.rows === 'number') parts.push(zhStaff.audit.rows(d.rows));
  if (typeof d.attempt === 'number') parts.push(`第 ${d.attempt} 次`);
  if (typeof d.username === 'string') parts.push(`账号：${d.username}`);
  if (typeof d.role === 'string') parts.push(zhStaff.roles[d.role] ?? d.role);
  if (Array.isArray(d.changed)) parts.push(`修改：${d.changed.join('、')}`);
  if (d.filters && typeof d.filters === 'object') {
    const f = Object.entries(d.filters as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== '');
    const value = (k: string, v: unknown) =>
      k === 'status' ? (zhStaff.statuses[String(v)] ?? String(v)) : k.startsWith('submitted') ? chinaDateTime(String(v)) : String(v);
    if (f.length) parts.push(`条件：${f.map(([k, v]) => `${zhStaff.audit.filterNames[k] ?? k}=${value(k, v)}`).join('，')}`);
  }
  return parts.join('；');
}

/** `/staff/audit` (admin): the append-only log, newest first, filtered by action and staff member; older pages on request. */
export function AuditPage() {
  const [search, setSearch] = useSearchParams<{ action?: string; staff?: string }>();
  staffTitle(zhStaff.audit.title);
  const staff = createAsync(() => getStaffList());
  const input = createMemo(() => ({ action: one(search.action), staffId: one(search.staff), limit: pageSize }), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const first = createAsync(() => getAudit(input()));

  const [older, setOlder] = createSignal<AuditRow[]>([]);
  const [exhausted, setExhausted] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string>();
  createEffect(
    on(
      input,
      () => {
        setOlder([]);
        setExhausted(false);
        setError(undefined);
      },
      { defer: true },
    ),
  );
  const rows = () => [...(first() ?? []), ...older()];
  const more = () => !exhausted() && (first()?.length ?? 0) === pageSize;

  const loadMore = async () => {
    const last = rows().at(-1);
    if (!last || loading()) return;
    setLoading(true);
    try {
      const next = await api.review.audit.query({ ...input(), before: last.at });
      setOlder([...older(), ...next]);
      if (next.length < pageSize) setExhausted(true);
    } catch (e) {
      setError(problemOf(e).message);
    } finally {
      setLoading(false);
    }
  };

  const [action, setAction] = createSignal(one(search.action) ?? '');
  const [member, setMember] = createSignal(one(search.staff) ?? '');
  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    setSearch({ action: action() || undefined, staff: member() || undefined });
  };

  return (
    <div class="staff-page">
      <h1 class="staff-title">{zhStaff.audit.title}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: role=search on the form itself; staff browsers older than Chromium 118 have no <search> element */}
      <form class="staff-panel staff-filters" onSubmit={apply} role="search" aria-label={zhStaff.audit.title}>
        <div class="staff-filter">
          <label for="a-action">{zhStaff.audit.action}</label>
          <select id="a-action" class="staff-select" onChange={(e) => setAction(e.currentTarget.value)}>
            <option value="">{zhStaff.audit.anyAction}</option>
            <For each={Object.entries(zhStaff.audit.actions)}>
              {([code, name]) => (
                <option value={code} selected={action() === code}>
                  {name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="staff-filter">
          <label for="a-staff">{zhStaff.audit.staff}</label>
          <select id="a-staff" class="staff-select" onChange={(e) => setMember(e.currentTarget.value)}>
            <option value="">{zhStaff.audit.anyStaff}</option>
            <For each={staff() ?? []}>
              {(s) => (
                <option value={s.id} selected={member() === s.id}>
                  {s.displayName}（{s.username}）
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="staff-filter-actions">
          <button type="submit" class="staff-button staff-button-primary">
            {zhStaff.audit.filter}
          </button>
        </div>
      </form>

      <section class="staff-panel">
        <Show when={rows().length > 0} fallback={<p class="staff-empty">{zhStaff.audit.none}</p>}>
          <div class="staff-table-wrap">
            <table class="staff-table staff-audit-table">
              <thead>
                <tr>
                  <th scope="col">{zhStaff.audit.columns.at}</th>
                  <th scope="col">{zhStaff.audit.columns.who}</th>
                  <th scope="col">{zhStaff.audit.columns.action}</th>
                  <th scope="col">{zhStaff.audit.columns.application}</th>
                  <th scope="col">{zhStaff.audit.columns.detail}</th>
                  <th scope="col">{zhStaff.audit.columns.ip}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(row) => (
                    <tr>
                      <td class="staff-nowrap staff-mono">{chinaDateTime(row.at, true)}</td>
                      <td class="staff-nowrap">{row.username}</td>
                      <td class="staff-nowrap">
                        <span
                          class="staff-tag"
                          classList={{ 'staff-tag-warn': row.action === 'sign_in_failed' || row.action === 'reveal_id' }}
                        >
                          {zhStaff.audit.actions[row.action] ?? row.action}
                        </span>
                      </td>
                      <td>
                        <Show when={row.applicationId} fallback="—">
                          {(id) => (
                            <A href={`/staff/applications/${id()}`} title={id()}>
                              {zhStaff.audit.open}
                            </A>
                          )}
                        </Show>
                      </td>
                      <td class="staff-audit-detail">{describe(row)}</td>
                      <td class="staff-nowrap staff-mono">{row.ip ?? '—'}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <div class="staff-pager">
            <span class="staff-muted">{zhStaff.audit.shown(rows().length)}</span>
            <Show when={more()}>
              <button type="button" class="staff-button" disabled={loading()} onClick={() => void loadMore()}>
                {zhStaff.audit.more}
              </button>
            </Show>
            <Show when={error()}>
              <span class="staff-field-error" role="alert">
                {error()}
              </span>
            </Show>
          </div>
        </Show>
      </section>
    </div>
  );
}

import { createAsync, useLocation, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api, type RouterInputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { saveFile } from '../lib/save-file';
import { getQueue, getStaffCatalog, type QueueRow, refreshReview, useStaffMe } from './data';
import { staffTitle } from './format';
import { QueueFilters } from './queue-filters';
import { setLastQueue } from './queue-memory';
import { QueueTable } from './queue-table';
import { StatusCounts } from './status-counts';
import { filtersOf, pageSizes, type QueueSearch, queueInputOf } from './url-state';

type BulkResult = { number: string; applicationId: string; ok: boolean; text: string };

/** 批量初审通过 of the chosen applications, then reads the queue again. */
const bulkApprove = write('staff.bulkApprove', async (applicationIds: string[]) => {
  const answer = await api.review.bulkApprove.mutate({ applicationIds });
  await refreshReview();
  return answer;
});

/** The filtered queue as CSV (the export is audited, hence a write). */
const exportQueue = write('staff.export', (filters: RouterInputs['review']['export']) => api.review.export.mutate(filters));

/** `/staff/queue`: counts, filters (kept in the address), the table with sorting and paging, 批量初审通过 and 导出 CSV. */
export function QueuePage() {
  const [search, setSearch] = useSearchParams<QueueSearch & Record<string, string>>();
  const me = useStaffMe();
  const input = createMemo(() => queueInputOf(search), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const queue = createAsync(() => getQueue(input()));
  const catalog = createAsync(() => getStaffCatalog());
  staffTitle(zhStaff.queue.title);
  const location = useLocation();
  createEffect(() => setLastQueue(`/staff/queue${location.search}`));

  const canApprove = () => me()?.role === 'admin' || me()?.role === 'county_reviewer';

  // Selection: ids with their numbers (for the results), cleared when the filters or the page change.
  const [selected, setSelected] = createSignal<Map<string, string>>(new Map());
  createEffect(on(input, () => setSelected(new Map()), { defer: true }));
  const toggle = (row: QueueRow) => {
    const next = new Map(selected());
    if (next.has(row.id)) next.delete(row.id);
    else next.set(row.id, row.number);
    setSelected(next);
  };
  const toggleAll = (rows: readonly QueueRow[], on: boolean) => {
    const next = new Map(selected());
    for (const r of rows) {
      if (on) next.set(r.id, r.number);
      else next.delete(r.id);
    }
    setSelected(next);
  };

  const [confirming, setConfirming] = createSignal(false);
  const approving = useWrite(bulkApprove);
  const bulkPending = approving.pending;
  const [bulk, setBulk] = createSignal<{ ok: number; results: BulkResult[] }>();
  const bulkError = () => approving.problem()?.message;
  const approveSelected = async () => {
    const chosen = selected();
    const sent = await approving.run([...chosen.keys()]);
    if (!sent?.ok) return;
    setBulk({
      ok: sent.value.approved,
      results: sent.value.results.map((r) => ({
        applicationId: r.applicationId,
        number: chosen.get(r.applicationId) ?? r.applicationId,
        ok: r.ok,
        text: r.ok ? zhStaff.queue.bulkOk : r.message,
      })),
    });
    setSelected(new Map());
    setConfirming(false);
  };

  const exportRun = useWrite(exportQueue);
  const exporting = exportRun.pending;
  const [exported, setExported] = createSignal<string>();
  const exportError = () => exportRun.problem()?.message;
  const exportCsv = async () => {
    if (exporting()) return;
    setExported(undefined);
    const sent = await exportRun.run(filtersOf(search));
    if (!sent?.ok) return;
    const { fileName, csv, rows } = sent.value;
    saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
    setExported(zhStaff.queue.exported(rows, fileName));
  };

  const pages = () => Math.max(1, Math.ceil((queue()?.total ?? 0) / input().pageSize));
  const goPage = (page: number) => setSearch({ page: page <= 1 ? undefined : String(page) });

  return (
    <div class="staff-page">
      <h1 class="staff-title">{zhStaff.queue.title}</h1>
      <StatusCounts current={input().status} catalog={catalog()} onStatus={(status) => setSearch({ status, page: undefined })} />
      <QueueFilters search={search} catalog={catalog()} onApply={(next) => setSearch({ ...next, page: undefined })} />

      <Show when={queue()}>
        {(q) => (
          <section class="staff-panel" aria-labelledby="queue-total">
            <div class="staff-toolbar">
              <p id="queue-total" class="staff-total" aria-live="polite">
                {zhStaff.queue.total(q().total)}
              </p>
              <Show when={canApprove()}>
                <span class="staff-muted">{zhStaff.queue.selected(selected().size)}</span>
                <Show when={selected().size > 0}>
                  <button type="button" class="staff-link-button" onClick={() => setSelected(new Map())}>
                    {zhStaff.queue.clearSelection}
                  </button>
                </Show>
                <button
                  type="button"
                  class="staff-button staff-button-primary"
                  disabled={selected().size === 0 || bulkPending()}
                  onClick={() => {
                    setBulk(undefined);
                    setConfirming(true);
                  }}
                >
                  {zhStaff.queue.bulkApprove}
                </button>
              </Show>
              <span class="staff-toolbar-end">
                <button type="button" class="staff-button" disabled={exporting()} onClick={() => void exportCsv()}>
                  {exporting() ? zhStaff.queue.exporting : zhStaff.queue.exportCsv}
                </button>
              </span>
            </div>

            <Show when={confirming()}>
              <div class="staff-confirm" role="alertdialog" aria-labelledby="bulk-confirm-text">
                <p id="bulk-confirm-text">{zhStaff.queue.bulkConfirm(selected().size)}</p>
                <div class="staff-actions">
                  <button type="button" class="staff-button" onClick={() => setConfirming(false)}>
                    {zhStaff.queue.cancel}
                  </button>
                  <button
                    type="button"
                    class="staff-button staff-button-primary"
                    disabled={bulkPending() || selected().size === 0}
                    ref={(el) => queueMicrotask(() => el.focus())}
                    onClick={() => void approveSelected()}
                  >
                    {bulkPending() ? zhStaff.queue.bulkApproving : zhStaff.queue.bulkConfirmYes}
                  </button>
                </div>
                <Show when={bulkError()}>
                  <p class="staff-form-error" role="alert">
                    {bulkError()}
                  </p>
                </Show>
              </div>
            </Show>

            <Show when={bulk()}>
              {(b) => (
                <div class="staff-bulk" role="status">
                  <p class="staff-bulk-title">{zhStaff.queue.bulkResult(b().ok, b().results.length)}</p>
                  <ul class="staff-bulk-list">
                    <For each={b().results}>
                      {(r) => (
                        <li classList={{ 'staff-bulk-ok': r.ok, 'staff-bulk-failed': !r.ok }}>
                          <span class="staff-mono">{r.number}</span>
                          <span aria-hidden="true">{r.ok ? '✓' : '✗'}</span>
                          <span>{r.text}</span>
                        </li>
                      )}
                    </For>
                  </ul>
                </div>
              )}
            </Show>
            <Show when={exported()}>
              <p class="staff-notice" role="status">
                {exported()}
              </p>
            </Show>
            <Show when={exportError()}>
              <p class="staff-form-error" role="alert">
                {exportError()}
              </p>
            </Show>

            <QueueTable
              rows={q().rows}
              sort={input().sort}
              order={input().order}
              selectable={canApprove()}
              selected={selected()}
              onToggle={toggle}
              onToggleAll={toggleAll}
              onSort={(sort, order) =>
                setSearch({ sort: sort === 'submittedAt' ? undefined : sort, order: order === 'asc' ? undefined : order, page: undefined })
              }
            />

            <nav class="staff-pager" aria-label={zhStaff.queue.page(input().page, pages())}>
              <button type="button" class="staff-button" disabled={input().page <= 1} onClick={() => goPage(input().page - 1)}>
                {zhStaff.queue.prev}
              </button>
              <span>{zhStaff.queue.page(Math.min(input().page, pages()), pages())}</span>
              <button type="button" class="staff-button" disabled={input().page >= pages()} onClick={() => goPage(input().page + 1)}>
                {zhStaff.queue.next}
              </button>
              <label class="staff-inline-label">
                {zhStaff.queue.pageSize}
                <select
                  class="staff-select"
                  value={String(input().pageSize)}
                  onChange={(e) => setSearch({ size: e.currentTarget.value === '50' ? undefined : e.currentTarget.value, page: undefined })}
                >
                  <For each={pageSizes}>{(n) => <option value={String(n)}>{zhStaff.queue.perPage(n)}</option>}</For>
                </select>
              </label>
              <span class="staff-muted staff-keys">{zhStaff.queue.keys}</span>
            </nav>
          </section>
        )}
      </Show>
    </div>
  );
}

import { A, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import type { QueueRow } from './data';
import { chinaDateTime } from './format';
import { StaffStatus } from './status-tag';
import { VerificationTag } from './verification-panel';

type Sort = 'submittedAt' | 'number';

/**
 * The queue as a table. Every row is a Tab stop; j/k or ↑/↓ move between rows, Enter opens the application, the
 * space bar selects it (for 批量初审通过). The number is also a plain link (middle-click opens a tab).
 */
export function QueueTable(props: {
  rows: readonly QueueRow[];
  sort: Sort;
  order: 'asc' | 'desc';
  selectable: boolean;
  selected: Map<string, string>;
  onToggle: (row: QueueRow) => void;
  onToggleAll: (rows: readonly QueueRow[], on: boolean) => void;
  onSort: (sort: Sort, order: 'asc' | 'desc') => void;
}) {
  const navigate = useNavigate();
  let body: HTMLTableSectionElement | undefined;

  const allOn = () => props.rows.length > 0 && props.rows.every((r) => props.selected.has(r.id));
  const open = (row: QueueRow) => navigate(`/staff/applications/${row.id}`);

  const focusRow = (from: HTMLElement, step: number) => {
    const rows = [...(body?.querySelectorAll<HTMLElement>('tr[data-row]') ?? [])];
    const next = rows[rows.indexOf(from) + step];
    next?.focus();
  };
  const onKey = (event: KeyboardEvent, row: QueueRow) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const tr = event.currentTarget as HTMLElement;
    if (event.key === 'j' || event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(tr, 1);
    } else if (event.key === 'k' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(tr, -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(row);
    } else if ((event.key === ' ' || event.key === 'x') && props.selectable) {
      event.preventDefault();
      props.onToggle(row);
    }
  };

  const SortHeader = (p: { sort: Sort; label: string }) => {
    const on = () => props.sort === p.sort;
    return (
      <th scope="col" aria-sort={on() ? (props.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          class="staff-sort"
          title={zhStaff.queue.sortBy(p.label)}
          onClick={() => props.onSort(p.sort, on() && props.order === 'asc' ? 'desc' : 'asc')}
        >
          {p.label}
          <span class="staff-sort-mark" aria-hidden="true">
            {on() ? (props.order === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <Show when={props.rows.length > 0} fallback={<p class="staff-empty">{zhStaff.queue.none}</p>}>
      <div class="staff-table-wrap">
        <table class="staff-table staff-queue-table">
          <thead>
            <tr>
              <Show when={props.selectable}>
                <th scope="col" class="staff-col-check">
                  <input
                    type="checkbox"
                    aria-label={zhStaff.queue.selectPage}
                    checked={allOn()}
                    onChange={(e) => props.onToggleAll(props.rows, e.currentTarget.checked)}
                  />
                </th>
              </Show>
              <SortHeader sort="number" label={zhStaff.queue.columns.number} />
              <th scope="col">{zhStaff.queue.columns.child}</th>
              <th scope="col">{zhStaff.queue.columns.entry}</th>
              <th scope="col">{zhStaff.queue.columns.channel}</th>
              <th scope="col">{zhStaff.queue.columns.schools}</th>
              <th scope="col">{zhStaff.queue.columns.status}</th>
              <th scope="col">{zhStaff.queue.columns.verification}</th>
              <SortHeader sort="submittedAt" label={zhStaff.queue.columns.submittedAt} />
              <th scope="col" class="staff-num">
                {zhStaff.queue.columns.withdrawals}
              </th>
            </tr>
          </thead>
          <tbody ref={body}>
            <For each={props.rows}>
              {(row) => (
                <tr
                  data-row
                  tabindex="0"
                  classList={{ 'staff-row-selected': props.selected.has(row.id) }}
                  aria-selected={props.selectable ? props.selected.has(row.id) : undefined}
                  onKeyDown={(e) => onKey(e, row)}
                  onDblClick={() => open(row)}
                >
                  <Show when={props.selectable}>
                    <td class="staff-col-check">
                      <input
                        type="checkbox"
                        tabindex="-1"
                        aria-label={zhStaff.queue.selectRow(row.number)}
                        checked={props.selected.has(row.id)}
                        onChange={() => props.onToggle(row)}
                      />
                    </td>
                  </Show>
                  <td>
                    <A href={`/staff/applications/${row.id}`} tabindex="-1" class="staff-mono">
                      {row.number}
                    </A>
                  </td>
                  <td class="staff-nowrap">
                    {row.childName}
                    <Show when={row.siblingPriority}>
                      <span class="staff-tag staff-tag-info staff-tag-after">{zhStaff.queue.sibling}</span>
                    </Show>
                  </td>
                  <td>{row.entryName}</td>
                  <td>{row.channelName ?? '—'}</td>
                  <td class="staff-schools">
                    <span>{row.firstSchool ?? '—'}</span>
                    <span class="staff-muted">{row.secondSchool ?? '—'}</span>
                  </td>
                  <td>
                    <StaffStatus status={row.status} name={row.statusName} />
                    <Show when={row.resubmitted}>
                      <span class="staff-tag-resubmitted">{zhStaff.resubmitted.tag}</span>
                    </Show>
                  </td>
                  <td>
                    <VerificationTag result={row.verification} />
                    <Show when={row.propertyLocked}>
                      <span class="staff-tag-property-lock">{zhStaff.propertyLock.tag}</span>
                    </Show>
                  </td>
                  <td class="staff-nowrap staff-mono">{chinaDateTime(row.submittedAt)}</td>
                  <td class="staff-num">{row.withdrawCount}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}

import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { getStats, type StaffCatalog } from './data';
import { queueStatuses } from './url-state';

/**
 * Counts by status within the reviewer's scope, each a button that filters the queue by it; by channel and by
 * first-choice school under a disclosure.
 */
export function StatusCounts(props: {
  current: string | undefined;
  catalog: StaffCatalog | undefined;
  onStatus: (status: string | undefined) => void;
}) {
  const stats = createAsync(() => getStats());
  const count = (status: string) => stats()?.byStatus.find((s) => s.status === status)?.count ?? 0;
  const total = () => queueStatuses.reduce((n, s) => n + count(s), 0);
  const channelName = (id: string | null) => {
    for (const e of props.catalog?.entries ?? []) {
      const c = e.channels.find((x) => x.id === id);
      if (c) return `${e.name} · ${c.name}`;
    }
    return id ?? '—';
  };
  const schoolName = (id: string | null) => props.catalog?.schools.find((s) => s.id === id)?.name ?? id ?? '—';

  return (
    <section class="staff-counts" aria-label={zhStaff.queue.counts}>
      <ul class="staff-count-list">
        <li>
          <button
            type="button"
            class="staff-count"
            classList={{ 'staff-count-on': !props.current }}
            aria-pressed={!props.current}
            onClick={() => props.onStatus(undefined)}
          >
            <span class="staff-count-name">{zhStaff.queue.all}</span>
            <span class="staff-count-n">{total()}</span>
          </button>
        </li>
        <For each={queueStatuses}>
          {(status) => (
            <li>
              <button
                type="button"
                class={`staff-count staff-count-${status}`}
                classList={{ 'staff-count-on': props.current === status }}
                aria-pressed={props.current === status}
                onClick={() => props.onStatus(status)}
              >
                <span class="staff-count-name">{zhStaff.statuses[status]}</span>
                <span class="staff-count-n">{count(status)}</span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={stats() && (stats()!.byChannel.length > 0 || stats()!.byFirstSchool.length > 0)}>
        <details class="staff-more-counts">
          <summary>{zhStaff.queue.moreCounts}</summary>
          <div class="staff-more-grid">
            <table class="staff-mini-table">
              <caption>{zhStaff.queue.byChannel}</caption>
              <tbody>
                <For each={[...stats()!.byChannel].sort((a, b) => b.count - a.count)}>
                  {(c) => (
                    <tr>
                      <th scope="row">{channelName(c.channelId)}</th>
                      <td>{c.count}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <table class="staff-mini-table">
              <caption>{zhStaff.queue.bySchool}</caption>
              <tbody>
                <For each={[...stats()!.byFirstSchool].sort((a, b) => b.count - a.count)}>
                  {(s) => (
                    <tr>
                      <th scope="row">{schoolName(s.schoolId)}</th>
                      <td>{s.count}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </details>
      </Show>
    </section>
  );
}

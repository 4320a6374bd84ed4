import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { zhDemand as t } from '../i18n/zh-CN-staff-demand';
import { problemOf } from '../lib/problem';
import { useStaffMe } from './data';
import { DemandTable } from './demand-table';
import { staffTitle } from './format';
import { getDemandColumns, getSeatDemand } from './placement-data';
import { StaffField } from './staff-field';

const timeOfDay = (at: Date) => at.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/**
 * `/staff/demand`, 学位预警 for every staff role: pick a season and an entry and grade, read each school's places
 * against its first choices (a school reviewer, their own school). The table is read again with 刷新 and whenever the
 * window comes back into focus. Administrators publish the notices on the placement page.
 */
export function DemandPage() {
  staffTitle(t.title);
  const me = useStaffMe();
  const options = createAsync(() => getDemandColumns());
  const [seasonId, setSeasonId] = createSignal<string>();
  const [columnKey, setColumnKey] = createSignal<string>();
  const season = () => options()?.seasons.find((s) => s.id === (seasonId() ?? options()?.seasons[0]?.id));
  const keyOf = (c: { entryId: string; grade: number }) => `${c.entryId}:${c.grade}`;
  const column = () => season()?.columns.find((c) => keyOf(c) === columnKey()) ?? season()?.columns[0];
  const [readAt, setReadAt] = createSignal<Date>();
  const demand = createAsync(async () => {
    const s = season();
    const c = column();
    if (!s || !c) return undefined;
    try {
      const found = await getSeatDemand(s.id, c.entryId, c.grade);
      setReadAt(new Date());
      return { found };
    } catch (error) {
      // A season without its 派位规则 yet has no tiers to count by: say so in the page, not as a broken page.
      if (problemOf(error).code === 'BAD_REQUEST') return { problem: problemOf(error).message };
      throw error;
    }
  });
  const refresh = () => revalidate(getSeatDemand.key);
  onMount(() => {
    window.addEventListener('focus', refresh);
    onCleanup(() => window.removeEventListener('focus', refresh));
  });
  return (
    <div class="staff-page">
      <h1 class="staff-title">{t.title}</h1>
      <p class="staff-muted">{t.intro}</p>
      <Show when={me()?.role === 'admin'}>
        <p>
          <A href="/staff/admin/placement">{t.toPlacement}</A>
        </p>
      </Show>
      <Show when={options()}>
        {(o) => (
          <Show when={o().seasons.length > 0} fallback={<p class="staff-muted">{t.noSeasons}</p>}>
            <div class="staff-actions demand-pickers">
              <StaffField id="demand-season" label={t.season}>
                <select
                  id="demand-season"
                  class="staff-select"
                  value={season()?.id}
                  onChange={(e) => {
                    setSeasonId(e.currentTarget.value);
                    setColumnKey(undefined);
                  }}
                >
                  <For each={o().seasons}>{(s) => <option value={s.id}>{`${s.region} · ${s.name}`}</option>}</For>
                </select>
              </StaffField>
              <StaffField id="demand-column" label={t.column}>
                <select
                  id="demand-column"
                  class="staff-select"
                  value={column() ? keyOf(column()!) : ''}
                  onChange={(e) => setColumnKey(e.currentTarget.value)}
                >
                  <For each={season()?.columns ?? []}>{(c) => <option value={keyOf(c)}>{c.label}</option>}</For>
                </select>
              </StaffField>
              <button type="button" class="staff-button" onClick={() => void refresh()}>
                {t.refresh}
              </button>
              <Show when={readAt()}>{(at) => <span class="staff-muted">{t.refreshed(timeOfDay(at()))}</span>}</Show>
            </div>
            <Show when={demand()}>
              {(d) => (
                <Show when={d().found} fallback={<p class="staff-muted">{d().problem}</p>}>
                  {(found) => (
                    <Show when={found().schools.length > 0} fallback={<p class="staff-muted">{t.noSchools}</p>}>
                      <DemandTable demand={found()} notice={(school) => school.notice ?? t.noNotice} />
                    </Show>
                  )}
                </Show>
              )}
            </Show>
          </Show>
        )}
      </Show>
    </div>
  );
}

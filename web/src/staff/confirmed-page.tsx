import { createAsync, query } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { type ConfirmationState, confirmationNames, confirmedColumns, confirmedRows } from '../../../src/domain/placement/confirmed-list';
import { zhConfirmed as t } from '../i18n/zh-CN-staff-confirmed';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { StaffTable } from './admin-page';
import { exportConfirmed } from './confirmed-export';
import { staffTitle } from './format';
import { StaffField } from './staff-field';

const getConfirmedList = query(
  (schoolId: string | null, seasonId: string | null) => api.review.confirmedList.query({ schoolId, seasonId }),
  'staff.confirmedList',
);

/** The server makes the file and audits it; the action gives the buttons their pending state. */
const saveList = write('staff.exportConfirmed', exportConfirmed);

const states = ['confirmed', 'pending', 'declined'] as const;

/**
 * `/staff/confirmed`: 录取名单 of a school (a school reviewer's own; the county and administrators pick one) with each
 * family's 确认入学, filtered by state, exported as XLSX or CSV by the server in the 学籍 system's columns (audited).
 */
export function ConfirmedPage() {
  staffTitle(t.title);
  const [schoolId, setSchoolId] = createSignal<string | null>(null);
  const [seasonId, setSeasonId] = createSignal<string | null>(null);
  const [state, setState] = createSignal<ConfirmationState | ''>('');
  const list = createAsync(() => getConfirmedList(schoolId(), seasonId()));
  const shown = () => (list()?.entries ?? []).filter((e) => state() === '' || e.confirmation === state());
  const saving = useWrite(saveList);
  const [notice, setNotice] = createSignal<string>();
  const save = async (format: 'xlsx' | 'csv') => {
    const current = list();
    if (!current?.school || !current.season) return;
    setNotice(undefined);
    const done = await saving.run({ schoolId: current.school.id, seasonId: current.season.id, state: state() }, format);
    if (done) setNotice(done.ok ? t.exported(done.value.rows, done.value.name) : done.problem.message);
  };
  return (
    <div class="staff-page">
      <h1 class="staff-title">{t.title}</h1>
      <p class="staff-muted">{t.intro}</p>
      <Show when={list()}>
        {(l) => (
          <Show when={l().school && l().season} fallback={<p class="staff-muted">{t.noResults}</p>}>
            <div class="staff-actions">
              <Show when={l().schools.length > 1}>
                <StaffField id="confirmed-school" label={t.school}>
                  <select
                    id="confirmed-school"
                    class="staff-select"
                    value={l().school?.id ?? ''}
                    onChange={(e) => setSchoolId(e.currentTarget.value)}
                  >
                    <For each={l().schools}>{(s) => <option value={s.id}>{s.name}</option>}</For>
                  </select>
                </StaffField>
              </Show>
              <Show when={l().seasons.length > 1}>
                <StaffField id="confirmed-season" label={t.season}>
                  <select
                    id="confirmed-season"
                    class="staff-select"
                    value={l().season?.id ?? ''}
                    onChange={(e) => setSeasonId(e.currentTarget.value)}
                  >
                    <For each={l().seasons}>{(s) => <option value={s.id}>{s.name}</option>}</For>
                  </select>
                </StaffField>
              </Show>
              <StaffField id="confirmed-state" label={t.state}>
                <select
                  id="confirmed-state"
                  class="staff-select"
                  value={state()}
                  onChange={(e) => setState(e.currentTarget.value as ConfirmationState | '')}
                >
                  <option value="">{t.allStates}</option>
                  <For each={states}>{(s) => <option value={s}>{confirmationNames[s]}</option>}</For>
                </select>
              </StaffField>
            </div>
            <h2 class="staff-subtitle">
              {l().school?.name} · {l().season?.name}
            </h2>
            <p class="staff-muted">{t.count(shown().length, l().entries.length)}</p>
            <div class="staff-actions">
              <button
                type="button"
                class="staff-button"
                disabled={saving.pending() || shown().length === 0}
                onClick={() => void save('xlsx')}
              >
                {t.exportXlsx}
              </button>
              <button
                type="button"
                class="staff-button"
                disabled={saving.pending() || shown().length === 0}
                onClick={() => void save('csv')}
              >
                {t.exportCsv}
              </button>
              <Show when={saving.pending()}>
                <span class="staff-muted">{t.exporting}</span>
              </Show>
            </div>
            <Show when={notice()}>
              <p class="staff-notice" role="status">
                {notice()}
              </p>
            </Show>
            <Show when={shown().length > 0} fallback={<p class="staff-muted">{t.none}</p>}>
              <StaffTable columns={confirmedColumns}>
                <For each={confirmedRows(shown()).slice(1)}>
                  {(row) => (
                    <tr>
                      {row.map((cell) => (
                        <td>{cell}</td>
                      ))}
                    </tr>
                  )}
                </For>
              </StaffTable>
            </Show>
          </Show>
        )}
      </Show>
    </div>
  );
}

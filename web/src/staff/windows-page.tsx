import { createAsync, query, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { formatChinaEnd } from '../../../src/domain/china-time';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { AdminPage, StaffTable } from './admin-page';
import { chinaDateTime } from './format';

type Window = RouterOutputs['admin']['windows'][number];
const t = zhStaff.windows;

const getWindows = query(() => api.admin.windows.query(), 'staff.windows');

/** Moves a window (the server decides how far it may), then reads the list again. */
type Dates = { opensAt: string; closesAt: string; correctionDays: number; reviewEndsAt: string | null; schoolReviewEndsAt: string | null };

const changeWindow = write('staff.changeWindow', async (window: Window, dates: Dates) => {
  const done = await api.admin.changeWindow.mutate({ windowId: window.id, version: window.version, ...dates });
  await revalidate(getWindows.key);
  return done;
});

/** An instant as the `datetime-local` input shows it, in China time: `2024-07-26T00:00`. */
const localValue = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
/** What the input holds, as an instant in China time. */
const chinaInstant = (local: string) => `${local}:00+08:00`;
/** An optional date: empty means not announced. */
const optionalInstant = (local: string) => (local ? chinaInstant(local) : null);

/**
 * `/staff/admin/windows` (admin): each entry's registration window (an open one can be extended, never moved into the past),
 * the days a rejected family has to correct, and when the reviews are to be finished (shown to families).
 */
export function WindowsPage() {
  const list = createAsync(() => getWindows());
  const [editing, setEditing] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  return (
    <AdminPage title={t.title} hint={t.hint} notice={notice()}>
      <StaffTable columns={[t.columns.entry, t.columns.state, t.columns.opens, t.columns.closes, t.columns.actions]}>
        <For each={list() ?? []}>
          {(w) => (
            <>
              <tr>
                <td>
                  {w.region} · {w.season} · {w.entry}
                </td>
                <td>{t.states[w.state]}</td>
                <td class="staff-nowrap">{chinaDateTime(w.opensAt)}</td>
                <td class="staff-nowrap">{formatChinaEnd(new Date(w.closesAt))}</td>
                <td>
                  <button type="button" class="staff-button" onClick={() => setEditing(editing() === w.id ? undefined : w.id)}>
                    {t.edit}
                  </button>
                </td>
              </tr>
              <Show when={editing() === w.id}>
                <tr>
                  <td colSpan={5}>
                    <WindowForm
                      window={w}
                      onDone={(message) => {
                        setEditing(undefined);
                        setNotice(message);
                      }}
                    />
                  </td>
                </tr>
              </Show>
            </>
          )}
        </For>
      </StaffTable>
    </AdminPage>
  );
}

function WindowForm(props: { window: Window; onDone: (message: string) => void }) {
  const saving = useWrite(changeWindow, ([w]) => w.id === props.window.id);
  const [opensAt, setOpensAt] = createSignal(localValue(props.window.opensAt));
  const [closesAt, setClosesAt] = createSignal(localValue(props.window.closesAt));
  const [correctionDays, setCorrectionDays] = createSignal(props.window.correctionDays);
  const [reviewEndsAt, setReviewEndsAt] = createSignal(props.window.reviewEndsAt ? localValue(props.window.reviewEndsAt) : '');
  const [schoolReviewEndsAt, setSchoolReviewEndsAt] = createSignal(
    props.window.schoolReviewEndsAt ? localValue(props.window.schoolReviewEndsAt) : '',
  );
  const conflict = () => saving.problem()?.code === 'CONFLICT';
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await saving.run(props.window, {
      opensAt: chinaInstant(opensAt()),
      closesAt: chinaInstant(closesAt()),
      correctionDays: correctionDays(),
      reviewEndsAt: optionalInstant(reviewEndsAt()),
      schoolReviewEndsAt: optionalInstant(schoolReviewEndsAt()),
    });
    if (done?.ok) props.onDone(t.saved(props.window.entry, done.value.notified));
  };
  const closeLabel = () => {
    const at = new Date(chinaInstant(closesAt()));
    return Number.isNaN(at.getTime()) ? '' : t.closesMeans(formatChinaEnd(at));
  };
  return (
    <form class="staff-form staff-window-form" onSubmit={(e) => void save(e)}>
      <label class="staff-field">
        {t.columns.opens}
        <input
          type="datetime-local"
          class="staff-input"
          value={opensAt()}
          disabled={props.window.state !== 'upcoming'}
          onInput={(e) => setOpensAt(e.currentTarget.value)}
        />
      </label>
      <label class="staff-field">
        {t.columns.closes}
        <input
          type="datetime-local"
          class="staff-input"
          value={closesAt()}
          disabled={props.window.state === 'closed'}
          onInput={(e) => setClosesAt(e.currentTarget.value)}
        />
      </label>
      <p class="staff-muted">{closeLabel()}</p>
      <label class="staff-field">
        {t.correctionDays}
        <input
          type="number"
          min="1"
          max="15"
          class="staff-input"
          value={correctionDays()}
          onInput={(e) => setCorrectionDays(Number(e.currentTarget.value))}
        />
      </label>
      <label class="staff-field">
        {t.reviewEndsAt}
        <input type="datetime-local" class="staff-input" value={reviewEndsAt()} onInput={(e) => setReviewEndsAt(e.currentTarget.value)} />
      </label>
      <label class="staff-field">
        {t.schoolReviewEndsAt}
        <input
          type="datetime-local"
          class="staff-input"
          value={schoolReviewEndsAt()}
          onInput={(e) => setSchoolReviewEndsAt(e.currentTarget.value)}
        />
      </label>
      <Show when={saving.problem()}>
        {(p) => (
          <p class="staff-form-error" role="alert">
            {p().message}
            <Show when={conflict()}>
              {' '}
              <button type="button" class="staff-button" onClick={() => void revalidate(getWindows.key)}>
                {t.reload}
              </button>
            </Show>
          </p>
        )}
      </Show>
      <button type="submit" class="staff-button staff-button-primary" disabled={saving.pending()}>
        {saving.pending() ? t.saving : t.save}
      </button>
    </form>
  );
}

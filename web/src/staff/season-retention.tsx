import { revalidate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { size } from './document-list';
import { chinaDateTime, chinaDayStart } from './format';
import { getAdminSeasons } from './seasons-data';
import { WriteProblem } from './write-problem';

type Season = RouterOutputs['admin']['seasons'][number];
const t = zhStaff.seasons;

/** Sets or clears a season's retention date, then reads the list again (its version moved on). */
const setRetention = write('staff.setRetention', async (season: Season, retainUntil: string | null) => {
  const done = await api.admin.retention.set.mutate({ seasonId: season.id, version: season.version, retainUntil });
  await revalidate(getAdminSeasons.key);
  return done;
});

/** The dry run of a season's purge. */
const previewRetention = write('staff.previewRetention', (season: Season) => api.admin.retention.preview.query({ seasonId: season.id }));

/** A season's 保存期限: the date (a China day), saving or clearing it, and the dry run of what the purge would delete. */
export function SeasonRetention(props: { season: Season; onSaved: () => void }) {
  const mine = ([s]: [Season, ...unknown[]]) => s.id === props.season.id;
  const saving = useWrite(setRetention, mine);
  const previewing = useWrite(previewRetention, mine);
  const [day, setDay] = createSignal(props.season.retainUntil ? chinaDateTime(props.season.retainUntil).slice(0, 10) : '');
  const preview = () => previewing.last()?.result;
  const problem = () => saving.problem() ?? previewing.problem();
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if ((await saving.run(props.season, chinaDayStart(day()) ?? null))?.ok) props.onSaved();
  };
  return (
    <section class="staff-form" aria-label={t.retention}>
      <p class="staff-muted">
        {props.season.purgedAt
          ? t.purged(chinaDateTime(props.season.purgedAt))
          : props.season.retainUntil
            ? t.retentionUntil(chinaDateTime(props.season.retainUntil))
            : t.retentionNone}
      </p>
      <Show when={!props.season.purgedAt}>
        <form class="staff-form" onSubmit={(e) => void save(e)}>
          <label class="staff-field">
            {t.retentionDay}
            <input class="staff-input" type="date" value={day()} onInput={(e) => setDay(e.currentTarget.value)} />
          </label>
          <div class="staff-actions">
            <button type="submit" class="staff-button staff-button-primary" disabled={saving.pending() || !chinaDayStart(day())}>
              {t.save}
            </button>
            <Show when={props.season.retainUntil}>
              <button
                type="button"
                class="staff-button"
                disabled={saving.pending()}
                onClick={async () => {
                  if ((await saving.run(props.season, null))?.ok) props.onSaved();
                }}
              >
                {t.clear}
              </button>
            </Show>
            <button type="button" class="staff-button" disabled={previewing.pending()} onClick={() => void previewing.run(props.season)}>
              {t.preview}
            </button>
          </div>
        </form>
      </Show>
      <Show when={preview()}>
        {(p) => (
          <p class="staff-notice">
            {t.previewed(p().applications, p().documents, size(p().bytes))}
            <Show when={p().sample.length > 0}>
              {t.sample}
              {p().sample.join('、')}
            </Show>
          </p>
        )}
      </Show>
      <WriteProblem problem={problem()} />
    </section>
  );
}

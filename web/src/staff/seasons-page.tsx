import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { getAdminSeasons } from './seasons-data';
import { AdminPage, StaffTable } from './admin-page';
import { chinaDateTime } from './format';
import { SeasonRetention } from './season-retention';
import { WriteProblem } from './write-problem';

type Season = RouterOutputs['admin']['seasons'][number];
type Moved = RouterOutputs['admin']['copySeason']['moved'];
const t = zhStaff.seasons;

/** Copies a season into a draft (every date moved by whole years), then reads the list again. */
const copySeason = write('staff.copySeason', async (from: Season, code: string, name: string, years: number) => {
  const made = await api.admin.copySeason.mutate({ fromSeasonId: from.id, code, name, years });
  await revalidate(getAdminSeasons.key);
  return made;
});

/** The publish check of a season. */
const checkSeason = write('staff.checkSeason', (season: Season) => api.admin.checkSeason.query({ seasonId: season.id }));

/** Publishes a draft, then reads the list again. */
const publishSeason = write('staff.publishSeason', async (season: Season) => {
  const done = await api.admin.publishSeason.mutate({ seasonId: season.id, version: season.version });
  await revalidate(getAdminSeasons.key);
  return done;
});

/**
 * `/staff/admin/seasons` (admin): each region's seasons; copy one into next year's draft, check it, publish it, and set
 * its 保存期限 (retention date) with a dry run of the purge.
 */
export function SeasonsPage() {
  const list = createAsync(() => getAdminSeasons());
  const [notice, setNotice] = createSignal<string>();
  const [moved, setMoved] = createSignal<Moved>();
  const [retentionOf, setRetentionOf] = createSignal<string>();
  return (
    <AdminPage title={t.title} hint={t.hint} notice={notice()}>
      <Show when={moved()?.length}>
        <section class="staff-panel" aria-labelledby="seasons-moved">
          <h2 id="seasons-moved" class="staff-section-title">
            {t.moved}
          </h2>
          <ul>
            <For each={moved()}>
              {(m) => (
                <li>
                  {m.what}：{m.from} → {m.to}
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <StaffTable columns={[t.columns.season, t.columns.status, t.columns.actions]}>
        <For each={list() ?? []}>
          {(s) => (
            <tr>
              <td>
                {s.region} · {s.name}
                <span class="staff-muted"> （{s.code}）</span>
              </td>
              <td>{s.status === 'published' ? t.published(chinaDateTime(s.publishedAt)) : t.draft}</td>
              <td>
                <SeasonActions
                  season={s}
                  onCopied={(name, list) => {
                    setNotice(t.copied(name));
                    setMoved(list);
                  }}
                  onPublished={(name) => {
                    setNotice(t.publishedNow(name));
                    setMoved(undefined);
                  }}
                  retentionOpen={retentionOf() === s.id}
                  onToggleRetention={() => setRetentionOf(retentionOf() === s.id ? undefined : s.id)}
                  onRetentionSaved={() => setNotice(t.retentionSaved)}
                />
              </td>
            </tr>
          )}
        </For>
      </StaffTable>
    </AdminPage>
  );
}

function SeasonActions(props: {
  season: Season;
  onCopied: (name: string, moved: Moved) => void;
  onPublished: (name: string) => void;
  /** The 保存期限 section is open (kept by the page: a save reads the list again, which draws the rows anew). */
  retentionOpen: boolean;
  onToggleRetention: () => void;
  onRetentionSaved: () => void;
}) {
  const mine = ([s]: [Season, ...unknown[]]) => s.id === props.season.id;
  const copying = useWrite(copySeason, mine);
  const checking = useWrite(checkSeason, mine);
  const publishing = useWrite(publishSeason, mine);
  const [open, setOpen] = createSignal(false);
  const [code, setCode] = createSignal(`${props.season.year + 1}-autumn`);
  const [name, setName] = createSignal(`${props.season.year + 1}年秋季`);
  const [years, setYears] = createSignal(1);
  const problems = () => checking.last()?.result?.problems;
  const copy = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await copying.run(props.season, code(), name(), years());
    if (done?.ok) {
      setOpen(false);
      props.onCopied(name(), done.value.moved);
    }
  };
  const problem = () => copying.problem() ?? checking.problem() ?? publishing.problem();
  return (
    <div class="staff-form">
      <div class="staff-actions">
        <button type="button" class="staff-button" onClick={() => setOpen(!open())}>
          {t.copy}
        </button>
        <button type="button" class="staff-button" aria-expanded={props.retentionOpen} onClick={() => props.onToggleRetention()}>
          {t.retention}
        </button>
        <Show when={props.season.status === 'draft'}>
          <button type="button" class="staff-button" disabled={checking.pending()} onClick={() => void checking.run(props.season)}>
            {t.check}
          </button>
          <button
            type="button"
            class="staff-button staff-button-primary"
            disabled={publishing.pending()}
            onClick={async () => {
              if ((await publishing.run(props.season))?.ok) props.onPublished(props.season.name);
            }}
          >
            {t.publish}
          </button>
        </Show>
      </div>
      <Show when={problems()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="staff-notice">{t.noProblems}</p>}>
            <div class="staff-form-error" role="alert">
              <p>{t.problems(list().length)}</p>
              <ul>
                <For each={list()}>{(p) => <li>{p}</li>}</For>
              </ul>
            </div>
          </Show>
        )}
      </Show>
      <WriteProblem problem={problem()} />
      <Show when={props.retentionOpen}>
        <SeasonRetention season={props.season} onSaved={props.onRetentionSaved} />
      </Show>
      <Show when={open()}>
        <form class="staff-form" onSubmit={(e) => void copy(e)}>
          <label class="staff-field">
            {t.code}
            <input class="staff-input" value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
          </label>
          <label class="staff-field">
            {t.name}
            <input class="staff-input" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label class="staff-field">
            {t.years}
            <input
              class="staff-input"
              type="number"
              min="1"
              max="5"
              value={years()}
              onInput={(e) => setYears(Number(e.currentTarget.value))}
            />
          </label>
          <button type="submit" class="staff-button staff-button-primary" disabled={copying.pending()}>
            {copying.pending() ? t.copying : t.copyNow}
          </button>
        </form>
      </Show>
    </div>
  );
}

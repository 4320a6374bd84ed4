import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import { PlacementPanel } from './placement-panel';
import { WriteProblem } from './write-problem';
import { useWrite } from '../lib/write';
import { StaffTable } from './admin-page';
import { chinaDateTime } from './format';
import { drawPlacement, getDraws, publishResults } from './placement-data';
import { SecondRoundButton } from './placement-second-round';
import { PlaceColumnPicker, placeColumnLabel, usePlaceColumn } from './place-column-picker';

/** 正式派位 of one entry and grade (asked twice), then the season's draws of both rounds, each published once. */
export function DrawSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const picked = usePlaceColumn(() => props.seasonId);
  const draws = createAsync(() => getDraws(props.seasonId));
  const [confirming, setConfirming] = createSignal(false);
  const drawing = useWrite(drawPlacement);
  const { chosen, labelOf } = picked;
  const label = placeColumnLabel;
  const run = async () => {
    const c = chosen();
    if (!c) return;
    setConfirming(false);
    const done = await drawing.run({ seasonId: props.seasonId, entryId: c.entryId, grade: c.grade });
    if (done?.ok) props.onDone(t.drawn(label(c), done.value.applicants, done.value.unplaced));
  };
  return (
    <PlacementPanel id="placement-draw" title={t.draw} hint={t.drawHint}>
      <PlaceColumnPicker id="draw-column" picked={picked} />
      <WriteProblem problem={drawing.problem()} />
      <Show
        when={confirming()}
        fallback={
          <button
            type="button"
            class="staff-button staff-button-primary"
            disabled={drawing.pending() || !chosen()}
            onClick={() => setConfirming(true)}
          >
            {drawing.pending() ? t.drawing : t.runDraw}
          </button>
        }
      >
        <button type="button" class="staff-button staff-button-primary" onClick={() => void run()}>
          {t.confirmDraw(chosen() ? label(chosen()!) : '')}
        </button>
      </Show>
      <Show when={draws()?.length}>
        <StaffTable columns={Object.values(t.drawsColumns)}>
          <For each={draws()}>
            {(d) => (
              <tr>
                <td>{labelOf(d.entryId, d.grade)}</td>
                <td>{t.round(d.round)}</td>
                <td class="staff-nowrap">{chinaDateTime(d.drawnAt)}</td>
                <td>
                  {d.applicants} / {d.unplaced}
                </td>
                <td class="placement-hash">{d.seed}</td>
                <td>
                  <Show when={d.publishedAt} fallback={<PublishButton drawId={d.id} onDone={props.onDone} />}>
                    {(at) => t.resultsPublished(chinaDateTime(at()))}
                  </Show>
                  <Show
                    when={
                      d.round === 1 && d.confirmBy && !draws()?.some((o) => o.entryId === d.entryId && o.grade === d.grade && o.round === 2)
                    }
                  >
                    <SecondRoundButton drawId={d.id} what={labelOf(d.entryId, d.grade)} confirmBy={d.confirmBy!} onDone={props.onDone} />
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </StaffTable>
      </Show>
    </PlacementPanel>
  );
}

function PublishButton(props: { drawId: string; onDone: (message: string) => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const publishing = useWrite(publishResults, ([input]) => input.drawId === props.drawId);
  const run = async () => {
    setConfirming(false);
    const done = await publishing.run({ drawId: props.drawId });
    if (done?.ok) props.onDone(t.publishedNow(done.value.notified));
  };
  return (
    <>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="staff-button" disabled={publishing.pending()} onClick={() => setConfirming(true)}>
            {t.publishResults}
          </button>
        }
      >
        <button type="button" class="staff-button staff-button-primary" onClick={() => void run()}>
          {t.confirmPublish}
        </button>
      </Show>
      <WriteProblem problem={publishing.problem()} />
    </>
  );
}

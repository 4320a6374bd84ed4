import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import { useWrite } from '../lib/write';
import { DemandTable, type SchoolDemand } from './demand-table';
import { getSeatDemand, publishDemandNotice } from './placement-data';
import { PlaceColumnPicker, usePlaceColumn } from './place-column-picker';
import { PlacementPanel } from './placement-panel';
import { StaffField } from './staff-field';

/** 学位预警 of one entry and grade, with the notice each school shows parents. */
export function DemandSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const picked = usePlaceColumn(() => props.seasonId);
  const chosen = picked.chosen;
  const demand = createAsync(async () => {
    const c = chosen();
    return c ? getSeatDemand(props.seasonId, c.entryId, c.grade) : undefined;
  });
  return (
    <PlacementPanel id="placement-demand" title={t.demand} hint={t.demandHint}>
      <PlaceColumnPicker id="demand-column" picked={picked} />
      <Show when={demand()}>
        {(d) => (
          <DemandTable demand={d()} notice={(school) => <NoticeForm seasonId={props.seasonId} school={school} onDone={props.onDone} />} />
        )}
      </Show>
    </PlacementPanel>
  );
}

function NoticeForm(props: { seasonId: string; school: SchoolDemand; onDone: (message: string) => void }) {
  const [text, setText] = createSignal(props.school.notice ?? t.defaultNotice(props.school.firstChoices, props.school.seats));
  const saving = useWrite(publishDemandNotice, ([input]) => input.schoolId === props.school.schoolId);
  const id = `demand-${props.school.schoolId}`;
  const send = async (notice: string | null) => {
    const done = await saving.run({ seasonId: props.seasonId, schoolId: props.school.schoolId, version: props.school.version, notice });
    if (done?.ok) props.onDone(notice ? t.published(props.school.name) : t.withdrawn(props.school.name));
  };
  return (
    <form
      class="placement-reveal"
      onSubmit={(e) => {
        e.preventDefault();
        void send(text());
      }}
    >
      <StaffField id={id} label={t.noticeFor(props.school.name)} error={saving.problem()?.message}>
        <textarea id={id} class="staff-input" rows={2} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      </StaffField>
      <button type="submit" class="staff-button" disabled={saving.pending()}>
        {t.publish}
      </button>
      <Show when={props.school.notice}>
        <button type="button" class="staff-button" disabled={saving.pending()} onClick={() => void send(null)}>
          {t.withdraw}
        </button>
      </Show>
    </form>
  );
}

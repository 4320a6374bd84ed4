import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import type { RouterOutputs } from '../lib/trpc';
import { useWrite } from '../lib/write';
import { StaffTable } from './admin-page';
import { assignSchool, getUnplaced } from './placement-data';
import { PlacementPanel } from './placement-panel';
import { StaffField } from './staff-field';

type Unplaced = RouterOutputs['admin']['placement']['unplaced'][number];

/** 统筹安排: the children no choice admitted, each placed at a school that still has seats. */
export function UnplacedSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const list = createAsync(() => getUnplaced(props.seasonId));
  return (
    <PlacementPanel id="placement-unplaced" title={t.unplaced} hint={t.unplacedHint}>
      <Show when={list()?.length} fallback={<p>{t.unplacedNone}</p>}>
        <StaffTable columns={Object.values(t.unplacedColumns)}>
          <For each={list()}>
            {(u) => (
              <tr>
                <td>
                  {u.number}
                  {u.round === 2 ? t.afterRoundTwo : ''}
                </td>
                <td>{u.child}</td>
                <td>{u.community}</td>
                <td>
                  <AssignForm unplaced={u} onDone={props.onDone} />
                </td>
              </tr>
            )}
          </For>
        </StaffTable>
      </Show>
    </PlacementPanel>
  );
}

function AssignForm(props: { unplaced: Unplaced; onDone: (message: string) => void }) {
  const [schoolId, setSchoolId] = createSignal(props.unplaced.suggestions[0]?.schoolId ?? '');
  const assigning = useWrite(assignSchool, ([input]) => input.applicationId === props.unplaced.applicationId);
  const id = `assign-${props.unplaced.applicationId}`;
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await assigning.run({ drawId: props.unplaced.drawId, applicationId: props.unplaced.applicationId, schoolId: schoolId() });
    if (done?.ok) props.onDone(t.assigned(props.unplaced.number, done.value.school));
  };
  return (
    <form class="placement-reveal" onSubmit={(e) => void save(e)}>
      <StaffField id={id} label={t.assignTo(props.unplaced.number)} error={assigning.problem()?.message}>
        <select id={id} class="staff-select" value={schoolId()} onChange={(e) => setSchoolId(e.currentTarget.value)}>
          <For each={props.unplaced.suggestions}>
            {(s) => <option value={s.schoolId}>{t.suggestion(s.name, s.left, s.servesCommunity)}</option>}
          </For>
        </select>
      </StaffField>
      <button type="submit" class="staff-button staff-button-primary" disabled={assigning.pending() || !schoolId()}>
        {t.assign}
      </button>
    </form>
  );
}

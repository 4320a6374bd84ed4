import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import type { RouterOutputs } from '../lib/trpc';
import { useWrite } from '../lib/write';
import { StaffTable } from './admin-page';
import { decideObjection, getObjections, getSeasonSchoolList } from './placement-data';
import { PlacementPanel } from './placement-panel';
import { WriteProblem } from './write-problem';
import { StaffField } from './staff-field';

type Objection = RouterOutputs['admin']['placement']['objections'][number];

/** 异议 of the season's draws, each decided once by an administrator other than the publisher. */
export function ObjectionsSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const list = createAsync(() => getObjections(props.seasonId));
  return (
    <PlacementPanel id="placement-objections" title={t.objections} hint={t.objectionsHint}>
      <Show when={list()?.length} fallback={<p>{t.objectionsNone}</p>}>
        <StaffTable columns={Object.values(t.objectionColumns)}>
          <For each={list()}>
            {(o) => (
              <tr>
                <td>{o.number}</td>
                <td>{o.child}</td>
                <td>{o.school ?? t.unplacedSchool}</td>
                <td>{o.reason}</td>
                <td>
                  <ObjectionDocuments objection={o} />
                </td>
                <td>{t.objectionStates[o.status]}</td>
                <td>
                  <Show when={o.status === 'open'} fallback={o.decision}>
                    <DecideForm seasonId={props.seasonId} objection={o} onDone={props.onDone} />
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

function DecideForm(props: { seasonId: string; objection: Objection; onDone: (message: string) => void }) {
  const schoolsOfSeason = createAsync(() => getSeasonSchoolList(props.seasonId));
  const [outcome, setOutcome] = createSignal<'upheld' | 'dismissed'>('dismissed');
  const [reason, setReason] = createSignal('');
  const [schoolId, setSchoolId] = createSignal('');
  const deciding = useWrite(decideObjection, ([input]) => input.objectionId === props.objection.id);
  const id = (part: string) => `objection-${props.objection.id}-${part}`;
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await deciding.run({
      objectionId: props.objection.id,
      outcome: outcome(),
      reason: reason(),
      schoolId: outcome() === 'upheld' && schoolId() ? schoolId() : null,
    });
    if (done?.ok) props.onDone(t.decided(props.objection.number));
  };
  return (
    <form class="staff-form" onSubmit={(e) => void save(e)}>
      <StaffField id={id('outcome')} label={t.outcome}>
        <select
          id={id('outcome')}
          class="staff-select"
          value={outcome()}
          onChange={(e) => setOutcome(e.currentTarget.value as 'upheld' | 'dismissed')}
        >
          <option value="dismissed">{t.dismiss}</option>
          <option value="upheld">{t.uphold}</option>
        </select>
      </StaffField>
      <Show when={outcome() === 'upheld'}>
        <StaffField id={id('school')} label={t.moveTo}>
          <select id={id('school')} class="staff-select" value={schoolId()} onChange={(e) => setSchoolId(e.currentTarget.value)}>
            <option value="">{t.unchanged}</option>
            <For each={schoolsOfSeason() ?? []}>{(s) => <option value={s.schoolId}>{s.name}</option>}</For>
          </select>
        </StaffField>
      </Show>
      <StaffField id={id('reason')} label={t.decisionReason(props.objection.number)} error={deciding.problem()?.fields.reason}>
        <input id={id('reason')} class="staff-input" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
      </StaffField>
      <WriteProblem problem={deciding.problem()} />
      <button type="submit" class="staff-button staff-button-primary" disabled={deciding.pending()}>
        {t.decide}
      </button>
    </form>
  );
}

/** The files filed with the objection (shown to administrators), each opened in a new tab through the audited read. */
function ObjectionDocuments(props: { objection: Objection }) {
  return (
    <Show when={props.objection.documents.length} fallback={t.objectionNoDocuments}>
      <ul>
        <For each={props.objection.documents}>
          {(file) => (
            <li>
              <a
                href={`/api/files/${file.id}`}
                target="_blank"
                rel="noopener"
                aria-label={t.openObjectionDocument(file.fileName, props.objection.number)}
              >
                {file.fileName}
              </a>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

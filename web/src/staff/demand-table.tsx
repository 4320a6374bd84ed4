import { For, type JSX } from 'solid-js';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import type { RouterOutputs } from '../lib/trpc';
import { StaffTable } from './admin-page';

export type SeatDemand = RouterOutputs['admin']['placement']['seatDemand'];
export type SchoolDemand = SeatDemand['schools'][number];

/**
 * 学位预警 of one entry and grade: each school's places, first choices (in all and per tier) and level, named in words
 * as well as coloured; the last cell is the notice (the administrators' form, or the notice as parents read it).
 */
export function DemandTable(props: { demand: SeatDemand; notice: (school: SchoolDemand) => JSX.Element }) {
  return (
    <StaffTable columns={Object.values(t.demandColumns)}>
      <For each={props.demand.schools}>
        {(school) => (
          <tr>
            <td>{school.name}</td>
            <td>{school.seats}</td>
            <td>{school.firstChoices}</td>
            <td>{school.firstChoicesPerTier.map((x) => t.tierCount(x.tier, x.count)).join('，')}</td>
            <td>
              <span class={`demand-level demand-${school.level}`}>{t.levels[school.level]}</span>
            </td>
            <td>{props.notice(school)}</td>
          </tr>
        )}
      </For>
    </StaffTable>
  );
}

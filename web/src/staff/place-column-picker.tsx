import { createAsync } from '@solidjs/router';
import { createSignal, For } from 'solid-js';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import { getPlaceColumns } from './placement-data';
import { StaffField } from './staff-field';

/** `小学一年级新生·一年级学位` → `小学一年级新生·一年级`: an entry and grade as the placement's pages name it. */
export const placeColumnLabel = (column: { label: string }) => column.label.replace(/学位$/, '');

/** The entry and grade a placement section works on: the season's place columns, the first until another is picked. */
export function usePlaceColumn(seasonId: () => string) {
  const columns = createAsync(() => getPlaceColumns(seasonId()));
  const [key, setKey] = createSignal<string>();
  const chosen = () => columns()?.find((c) => c.key === (key() ?? columns()?.[0]?.key));
  const labelOf = (entryId: string, grade: number) => {
    const column = columns()?.find((c) => c.entryId === entryId && c.grade === grade);
    return column ? placeColumnLabel(column) : '';
  };
  return { columns, chosen, choose: setKey, labelOf };
}

export function PlaceColumnPicker(props: { id: string; picked: ReturnType<typeof usePlaceColumn> }) {
  return (
    <StaffField id={props.id} label={t.dryRunFor}>
      <select
        id={props.id}
        class="staff-select"
        value={props.picked.chosen()?.key}
        onChange={(e) => props.picked.choose(e.currentTarget.value)}
      >
        <For each={props.picked.columns() ?? []}>{(c) => <option value={c.key}>{placeColumnLabel(c)}</option>}</For>
      </select>
    </StaffField>
  );
}

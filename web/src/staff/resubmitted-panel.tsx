import { For, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import type { Detail } from './data';
import { chinaDateTime } from './format';

type Shown = (field: string, value: unknown) => string;

/**
 * 驳回后重新提交: the last rejection (when, why, what was marked) and what the family changed since — fields by name
 * with their old (masked) value, the new one being in the form above; documents added, removed or uploaded again.
 */
export function ResubmittedPanel(props: { detail: Detail; shown: Shown }) {
  const names = () => {
    const map = new Map<string, string>();
    for (const d of props.detail.faultChoices.documents) map.set(d.kind, d.name);
    for (const [kind, name] of Object.entries(zhStaff.siblingDocuments)) if (!map.has(kind)) map.set(kind, name);
    return map;
  };
  const nameOf = (kind: string) => names().get(kind) ?? kind;
  const labelOf = (field: string) => props.detail.faultChoices.fields.find((f) => f.field === field)?.label ?? field;
  const marked = () => {
    const f = props.detail.rejection?.faults;
    return f ? [...f.fields.map(labelOf), ...f.documents.map(nameOf)] : [];
  };
  return (
    <Show when={props.detail.resubmitted && props.detail.changes}>
      {(changes) => (
        <section class="staff-panel staff-resubmitted" aria-labelledby="resubmitted-title">
          <h2 id="resubmitted-title" class="staff-section-title">
            {zhStaff.resubmitted.title}
          </h2>
          <Show when={props.detail.rejection}>
            {(r) => (
              <p class="staff-muted">
                {zhStaff.resubmitted.rejectedAt(chinaDateTime(r().at))} · {zhStaff.resubmitted.reason}
                {r().reason}
                <Show when={marked().length > 0}>
                  <br />
                  {zhStaff.resubmitted.faults}
                  {marked().join('、')}
                </Show>
              </p>
            )}
          </Show>
          <Show when={!changes().none} fallback={<p class="staff-warn">{zhStaff.resubmitted.none}</p>}>
            <ul class="staff-changes">
              <Show when={changes().channelChanged}>
                <li>{zhStaff.resubmitted.channel}</li>
              </Show>
              <Show when={changes().communityChanged && !changes().fields.some((f) => f.field === 'community')}>
                <li>{zhStaff.resubmitted.community}</li>
              </Show>
              <Show when={changes().schoolsChanged}>
                <li>{zhStaff.resubmitted.schools}</li>
              </Show>
              <For each={changes().fields}>
                {(f) => (
                  <li>
                    {f.before === f.after ? zhStaff.resubmitted.retyped(f.label) : zhStaff.resubmitted.field(f.label)}
                    <span class="staff-muted">
                      （{zhStaff.resubmitted.was} {props.shown(f.field, f.before)}）
                    </span>
                  </li>
                )}
              </For>
              <For each={changes().documents.added}>{(d) => <li>{zhStaff.resubmitted.added(nameOf(d.kind))}</li>}</For>
              <For each={changes().documents.removed}>{(d) => <li>{zhStaff.resubmitted.removed(nameOf(d.kind))}</li>}</For>
              <For each={changes().documents.replaced}>
                {(d) => (
                  <li classList={{ 'staff-warn': d.sameFile }}>
                    {zhStaff.resubmitted.replaced(nameOf(d.kind))}
                    {d.sameFile ? zhStaff.resubmitted.sameFile : ''}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      )}
    </Show>
  );
}

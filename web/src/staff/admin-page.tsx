import { For, type JSX, Show } from 'solid-js';
import { staffTitle } from './format';

/** An administrator's page: its title (also the tab's), what it is for, the last change's confirmation, the rest. */
export function AdminPage(props: { title: string; hint?: string; notice?: string; children: JSX.Element }) {
  staffTitle(props.title);
  return (
    <div class="staff-page">
      <h1 class="staff-title">{props.title}</h1>
      <Show when={props.hint}>
        <p class="staff-muted">{props.hint}</p>
      </Show>
      <Show when={props.notice}>
        <p class="staff-notice" role="status">
          {props.notice}
        </p>
      </Show>
      {props.children}
    </div>
  );
}

/** A desk table with its column headings; the rows are the caller's. */
export function StaffTable(props: { columns: readonly string[]; children: JSX.Element }) {
  return (
    <div class="staff-table-wrap">
      <table class="staff-table">
        <thead>
          <tr>
            <For each={props.columns}>{(name) => <th scope="col">{name}</th>}</For>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

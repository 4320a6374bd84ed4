import { For, Show, type JSX } from 'solid-js';

/** `items` as a list of cards, with `summary` above it; `empty` in words when there are none. */
export function CardList<T>(props: { items: readonly T[]; empty: string; summary?: JSX.Element; children: (item: T) => JSX.Element }) {
  return (
    <Show when={props.items.length > 0} fallback={<p class="empty">{props.empty}</p>}>
      {props.summary}
      <ul class="card-list">
        <For each={props.items}>{props.children}</For>
      </ul>
    </Show>
  );
}

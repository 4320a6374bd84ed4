import { For, Match, Switch } from 'solid-js';
import { parsePageBody } from '../lib/page-body';

/** A policy page's body as text nodes only: headings, lists and paragraphs, never HTML. */
export function PageBody(props: { body: string }) {
  return (
    <div class="prose">
      <For each={parsePageBody(props.body)}>
        {(block) => (
          <Switch>
            <Match when={block.kind === 'heading' && block}>{(b) => <h2>{b().text}</h2>}</Match>
            <Match when={block.kind === 'list' && block}>
              {(b) => (
                <ul>
                  <For each={b().items}>{(item) => <li>{item}</li>}</For>
                </ul>
              )}
            </Match>
            <Match when={block.kind === 'paragraph' && block}>{(b) => <p>{b().text}</p>}</Match>
          </Switch>
        )}
      </For>
    </div>
  );
}

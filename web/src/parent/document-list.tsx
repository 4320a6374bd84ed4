import { For, Match, Show, Switch } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import type { ChannelDocument } from '../lib/catalog';

export type DocumentItem = { kind: 'one'; document: ChannelDocument } | { kind: 'anyOf'; documents: ChannelDocument[] };

/** Documents in their order, with each alternative group gathered where its first member stands. */
export function groupDocuments(documents: readonly ChannelDocument[]): DocumentItem[] {
  const items: DocumentItem[] = [];
  const groups = new Map<string, ChannelDocument[]>();
  for (const document of documents) {
    if (!document.alternativeGroup) {
      items.push({ kind: 'one', document });
      continue;
    }
    const group = groups.get(document.alternativeGroup);
    if (group) {
      group.push(document);
    } else {
      const documents = [document];
      groups.set(document.alternativeGroup, documents);
      items.push({ kind: 'anyOf', documents });
    }
  }
  return items;
}

function DocumentLine(props: { document: ChannelDocument }) {
  return (
    <>
      <span class="doc-name">{props.document.name}</span>
      <Show when={props.document.condition === 'hukou_lacks_relation'}>
        <span class="tag tag-conditional">{zhCN.entry.conditional}</span>
      </Show>
      <Show when={props.document.note}>
        <span class="doc-note">{props.document.note}</span>
      </Show>
    </>
  );
}

/** What to prepare for a channel; "以下任选其一" where one of several papers is enough. */
export function DocumentList(props: { documents: readonly ChannelDocument[] }) {
  return (
    <ul class="docs">
      <For each={groupDocuments(props.documents)}>
        {(item) => (
          <Switch>
            <Match when={item.kind === 'one' && item}>
              {(one) => (
                <li class="doc">
                  <DocumentLine document={one().document} />
                </li>
              )}
            </Match>
            <Match when={item.kind === 'anyOf' && item}>
              {(anyOf) => (
                <li class="doc doc-choice">
                  <span class="choice-label">{zhCN.entry.anyOne}</span>
                  <ul class="choice-list">
                    <For each={anyOf().documents}>
                      {(document) => (
                        <li class="doc">
                          <DocumentLine document={document} />
                        </li>
                      )}
                    </For>
                  </ul>
                </li>
              )}
            </Match>
          </Switch>
        )}
      </For>
    </ul>
  );
}

import { For, Show, type JSX } from 'solid-js';
import { channelTerms } from '../../../src/domain/channel-terms';
import { zhCN } from '../i18n/zh-CN';
import type { Channel } from '../lib/catalog';
import { DocumentList } from './document-list';

/**
 * A 报名通道, folded to its name and checks; open it for the definition and the documents. `children` (e.g. the
 * application's 选择此通道) stand at the end of the opened card, so they are reached only after reading it.
 */
export function ChannelCard(props: { channel: Channel; open?: boolean; selected?: boolean; badge?: JSX.Element; children?: JSX.Element }) {
  return (
    <details class="channel" classList={{ 'channel-selected': props.selected }} open={props.open}>
      <summary>
        <span class="channel-name">{props.channel.name}</span>
        <span class="badges">
          {props.badge}
          <Show when={props.channel.eligibility.verifiable}>
            <span class="tag tag-verifiable">{zhCN.entry.verifiable}</span>
          </Show>
          <Show when={props.channel.eligibility.manualProof}>
            <span class="tag tag-manual">{zhCN.entry.manualProof}</span>
          </Show>
        </span>
      </summary>
      <div class="channel-body">
        <p class="channel-heading">{zhCN.entry.definition}</p>
        <p class="definition">{props.channel.definition}</p>
        <Show when={channelTerms(props.channel.eligibility).length}>
          <p class="channel-heading">{zhCN.entry.terms}</p>
          <ul class="docs channel-terms">
            <For each={channelTerms(props.channel.eligibility)}>{(term) => <li class="doc">{term}</li>}</For>
          </ul>
        </Show>
        <p class="channel-heading">{zhCN.entry.documents}</p>
        <DocumentList documents={props.channel.documents} />
        {props.children}
      </div>
    </details>
  );
}

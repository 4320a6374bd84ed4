import { Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import type { Channel } from '../lib/catalog';
import { DocumentList } from './document-list';

/** A 报名通道, folded to its name and checks; open it for the definition and the documents. */
export function ChannelCard(props: { channel: Channel }) {
  return (
    <details class="channel">
      <summary>
        <span class="channel-name">{props.channel.name}</span>
        <span class="badges">
          <Show when={props.channel.eligibility.verifiable}>
            <span class="tag tag-verifiable">{zhCN.entry.verifiable}</span>
          </Show>
          <Show when={props.channel.eligibility.manualProof}>
            <span class="tag tag-manual">{zhCN.entry.manualProof}</span>
          </Show>
        </span>
      </summary>
      <div class="channel-body">
        <h4 class="channel-heading">{zhCN.entry.definition}</h4>
        <p class="definition">{props.channel.definition}</p>
        <h4 class="channel-heading">{zhCN.entry.documents}</h4>
        <DocumentList documents={props.channel.documents} />
      </div>
    </details>
  );
}

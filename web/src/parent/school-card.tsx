import { For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import type { School } from '../lib/catalog';
import { DemandNotice } from './demand-notice';

/** A school with its places, address, 咨询电话 and catchment; the community the parent filtered by stands out. */
export function SchoolCard(props: { school: School; community?: string }) {
  return (
    <article class="school">
      <h3 class="school-name">{props.school.name}</h3>
      <p class="school-meta">
        <span>{zhCN.schools.capacity(props.school.capacity)}</span>
      </p>
      <DemandNotice school={props.school} />
      <p class="school-address">{props.school.address}</p>
      <Show when={props.school.contactPhone}>
        {(phone) => (
          <p class="school-phone">
            {zhCN.schools.phone}：<a href={`tel:${phone()}`}>{phone()}</a>
          </p>
        )}
      </Show>
      <p class="school-catchment">
        <span class="label">{zhCN.schools.catchment}：</span>
        <For each={props.school.communities}>
          {(name, i) => (
            <>
              {i() > 0 && '、'}
              {name === props.community ? <mark class="nowrap">{name}</mark> : <span class="nowrap">{name}</span>}
            </>
          )}
        </For>
      </p>
    </article>
  );
}

import { For, Show } from 'solid-js';
import type { Claim } from '../lib/account';
import { zhClaim } from '../i18n/zh-CN-claim';

/** 我的申诉: the claims this account filed, with their state and the staff's word. */
export default function ClaimList(props: { claims: Claim[] }) {
  return (
    <section class="form-card" aria-labelledby="claims-title">
      <h2 id="claims-title" class="section-title">
        {zhClaim.mine}
      </h2>
      <ul class="card-list">
        <For each={props.claims}>
          {(c) => (
            <li class="card">
              <div class="card-meta">
                <span>
                  {c.childName}（{c.childIdMasked}）
                </span>
                <span>{c.statusName}</span>
              </div>
              <Show when={c.settlement}>
                <p class="muted">{c.settlement}</p>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

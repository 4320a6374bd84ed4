import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import type { RouterOutputs } from '../lib/trpc';

/** The county's towns, each opening its season; the list `/` shows to a parent who has not picked one yet. */
export function TownPicker(props: { regions: RouterOutputs['catalog']['regions'] }) {
  return (
    <section class="section">
      <h1 class="section-title">{zhCN.regions.pick}</h1>
      <p class="muted">{zhCN.regions.pickHint}</p>
      <div class="region-list">
        <For each={props.regions}>
          {(region) => (
            <A class="region-card" href={`/regions/${region.id}`}>
              <span class="region-name">{region.name}</span>
              <span class="muted">{region.seasonName ? zhCN.regions.season(region.seasonName) : zhCN.regions.noSeason}</span>
            </A>
          )}
        </For>
      </div>
    </section>
  );
}

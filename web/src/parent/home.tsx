import { A, createAsync } from '@solidjs/router';
import { For, Match, Switch } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getRegions } from '../lib/catalog';
import { useTitle } from '../ui/title';
import { RegionHome } from './region-home';

/** `/`: a county with one region opens it directly (the QR code stays short); with several, the parent picks. */
export function Home() {
  const regions = createAsync(() => getRegions());
  useTitle(() => undefined);
  return (
    <Switch>
      <Match when={regions()?.length === 1 && regions()![0]}>{(region) => <RegionHome regionId={region().id} />}</Match>
      <Match when={regions()?.length === 0}>
        <p class="empty">{zhCN.regions.none}</p>
      </Match>
      <Match when={regions()}>
        {(list) => (
          <section class="section">
            <h1 class="section-title">{zhCN.regions.pick}</h1>
            <div class="region-list">
              <For each={list()}>
                {(region) => (
                  <A class="region-card" href={`/regions/${region.id}`}>
                    <span class="region-name">{region.name}</span>
                    <span class="muted">{region.seasonName}</span>
                  </A>
                )}
              </For>
            </div>
          </section>
        )}
      </Match>
    </Switch>
  );
}

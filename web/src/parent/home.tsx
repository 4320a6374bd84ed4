import { createAsync } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getRegions } from '../lib/catalog';
import { rememberedTown } from '../lib/town';
import { useTitle } from '../ui/title';
import { RegionHome } from './region-home';
import { TownPicker } from './town-picker';

/**
 * `/`: a county with one town opens it directly (the QR code stays short); with several, the town this phone opened
 * last, or else the list to pick from.
 */
export function Home() {
  const regions = createAsync(() => getRegions());
  const opened = () => {
    const list = regions();
    if (list?.length === 1) return list[0];
    const remembered = rememberedTown();
    return list?.find((r) => r.id === remembered && r.seasonName !== null);
  };
  useTitle(() => undefined);
  return (
    <Switch>
      <Match when={opened()}>{(region) => <RegionHome regionId={region().id} />}</Match>
      <Match when={regions()?.length === 0}>
        <p class="empty">{zhCN.regions.none}</p>
      </Match>
      <Match when={regions()}>{(list) => <TownPicker regions={list()} />}</Match>
    </Switch>
  );
}

/** `/towns`: the list of towns, to switch from the one opened. */
export function TownsRoute() {
  const regions = createAsync(() => getRegions());
  useTitle(() => zhCN.regions.pick);
  return (
    <Switch>
      <Match when={regions()}>{(list) => <TownPicker regions={list()} />}</Match>
    </Switch>
  );
}

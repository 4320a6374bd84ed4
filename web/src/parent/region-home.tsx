import { A, createAsync, useParams } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { MyApplicationsLink } from '../apply/my-applications-link';
import { zhCN } from '../i18n/zh-CN';
import { getPages, getRegion, getRegions } from '../lib/catalog';
import { rememberTown } from '../lib/town';
import { sharedWindow } from '../lib/window-text';
import { useTitle } from '../ui/title';
import { EntryCard } from './entry-card';
import { OrderNotice } from './order-notice';
import { WindowStatus } from './window-status';

/** A region's season: is registration open, the three entries, the policy pages. */
export function RegionHome(props: { regionId: string }) {
  const region = createAsync(() => getRegion(props.regionId));
  const pages = createAsync(() => getPages(props.regionId));
  const severalTowns = createAsync(async () => (await getRegions()).length > 1);
  createEffect(() => {
    if (region()) rememberTown(region()!.id);
  });
  useTitle(() => region() && `${region()!.name}${region()!.season.name}入学报名`);

  return (
    <Show when={region()}>
      {(r) => (
        <>
          <section class="hero">
            <div class="hero-head">
              <h1 class="hero-region">{r().name}</h1>
              <Show when={severalTowns()}>
                <A class="hero-switch" href="/towns">
                  {zhCN.regions.switchTown}
                </A>
              </Show>
            </div>
            <p class="hero-season">{zhCN.regions.season(r().season.name)}</p>
            <Show when={sharedWindow(r().entries)}>{(w) => <WindowStatus window={w()} />}</Show>
          </section>

          <MyApplicationsLink />

          <OrderNotice />

          <section class="section">
            <h2 class="section-title">{zhCN.entries.heading}</h2>
            <p class="muted">{zhCN.entries.hint}</p>
            <div class="entry-list">
              <For each={r().entries}>{(entry) => <EntryCard entry={entry} showWindow={!sharedWindow(r().entries)} />}</For>
            </div>
          </section>

          <section class="section">
            <h2 class="section-title">{zhCN.help.heading}</h2>
            <nav class="link-list">
              <For each={pages()}>
                {(page) => <A href={`/regions/${r().id}/pages/${page.slug}`}>{zhCN.pages[page.slug] ?? page.title}</A>}
              </For>
              <A href={`/regions/${r().id}/schools`}>{zhCN.help.schools}</A>
              <A href={`/regions/${r().id}/placement`}>{zhCN.help.placement}</A>
            </nav>
          </section>
        </>
      )}
    </Show>
  );
}

/** `/regions/:regionId`: a region picked from the list on `/`. */
export function RegionRoute() {
  const params = useParams<{ regionId: string }>();
  return <RegionHome regionId={params.regionId} />;
}

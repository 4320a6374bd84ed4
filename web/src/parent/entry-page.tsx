import { createAsync, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { StartButton } from '../apply/start-button';
import { zhCN } from '../i18n/zh-CN';
import { getChannels } from '../lib/catalog';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';
import { ChannelCard } from './channel-card';
import { WindowStatus } from './window-status';

/** `/entries/:entryId`: the entry's tracks and channels, so a parent can find theirs before signing in. */
export function EntryPage() {
  const params = useParams<{ entryId: string }>();
  const data = createAsync(() => getChannels(params.entryId));
  useTitle(() => data()?.entry.name);

  return (
    <Show when={data()}>
      {(d) => (
        <>
          <BackLink href="/">{zhCN.home}</BackLink>
          <h1 class="page-title">{d().entry.name}</h1>
          <p class="lead">{d().entry.description}</p>
          <WindowStatus window={d().entry.window} compact />
          <p class="muted">{zhCN.entry.pickHint}</p>

          <For each={d().tracks}>
            {(track) => (
              <section class="track">
                <Show when={d().tracks.length > 1}>
                  <h2 class="track-name">{track.name}</h2>
                  <p class="muted">{track.description}</p>
                </Show>
                <p class="track-count">{zhCN.entry.channelsOf(track.channels.length)}</p>
                <div class="channel-list">
                  <For each={track.channels}>{(channel) => <ChannelCard channel={channel} />}</For>
                </div>
              </section>
            )}
          </For>

          <div class="cta">
            <StartButton entryId={d().entry.id} window={d().entry.window} />
          </div>
        </>
      )}
    </Show>
  );
}

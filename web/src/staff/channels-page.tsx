import { getAdminSeasons } from './seasons-data';
import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { zhChannels } from '../i18n/zh-CN-staff-channels';
import { useWrite } from '../lib/write';
import { AdminPage, StaffTable } from './admin-page';
import { ChannelForm } from './channel-form';
import {
  getSeasonChannels,
  type ListedChannel,
  removeChannel,
  reorderChannels,
  type Track,
  updateChannel,
  updateOf,
} from './channels-data';

const t = zhChannels;

/**
 * `/staff/admin/channels` (admin): a season's channels by entry and track — edit one (its parameters, its documents,
 * beside them the card parents will see), add one, order them, enable or disable, delete one no application uses.
 */
export function ChannelsPage() {
  const seasons = createAsync(() => getAdminSeasons());
  const [search, setSearch] = useSearchParams<{ season?: string }>();
  const seasonId = () => (seasons()?.find((s) => s.id === search.season) ?? seasons()?.[0])?.id;
  const list = createAsync(async () => {
    const id = seasonId();
    return id ? getSeasonChannels(id) : undefined;
  });
  const [notice, setNotice] = createSignal<string>();
  return (
    <AdminPage title={t.title} hint={t.hint} notice={notice()}>
      <div class="staff-field">
        <label for="channels-season">{t.season}</label>
        <select
          id="channels-season"
          class="staff-select"
          value={seasonId()}
          onChange={(e) => {
            setNotice(undefined);
            setSearch({ season: e.currentTarget.value });
          }}
        >
          <For each={seasons() ?? []}>
            {(s) => <option value={s.id}>{`${s.region} · ${s.name}（${t.seasonState[s.status] ?? s.status}）`}</option>}
          </For>
        </select>
      </div>
      <Show when={list()?.entries.length === 0}>
        <p>{t.none}</p>
      </Show>
      <For each={list()?.entries ?? []}>
        {(entry) => (
          <section class="channels-entry" aria-labelledby={`entry-${entry.id}`}>
            <h2 id={`entry-${entry.id}`} class="staff-section-title">
              {entry.name}
            </h2>
            <For each={entry.tracks}>
              {(track) => <TrackChannels track={track} showName={track.name !== entry.name} onNotice={setNotice} />}
            </For>
          </section>
        )}
      </For>
    </AdminPage>
  );
}

function TrackChannels(props: { track: Track; showName: boolean; onNotice: (message: string | undefined) => void }) {
  const [editing, setEditing] = createSignal<string>();
  const ordering = useWrite(reorderChannels, ([input]) => input.trackId === props.track.id);
  const move = async (from: number, by: -1 | 1) => {
    const list = [...props.track.channels];
    const [moved] = list.splice(from, 1);
    list.splice(from + by, 0, moved!);
    props.onNotice(undefined);
    const done = await ordering.run({ trackId: props.track.id, channels: list.map((c) => ({ channelId: c.id, version: c.version })) });
    if (done?.ok) props.onNotice(t.orderSaved);
  };
  const done = (message: string) => {
    setEditing(undefined);
    props.onNotice(message);
  };
  return (
    <div class="channels-track">
      <Show when={props.showName}>
        <h3 class="pages-preview-title">{props.track.name}</h3>
      </Show>
      <StaffTable columns={[t.columns.order, t.columns.name, t.columns.state, t.columns.used, t.columns.actions]}>
        <For each={props.track.channels}>
          {(channel, i) => (
            <>
              <tr>
                <td class="pages-move">
                  <button
                    type="button"
                    class="staff-button staff-button-small"
                    aria-label={t.moveUp(channel.name)}
                    disabled={i() === 0 || ordering.pending()}
                    onClick={() => void move(i(), -1)}
                  >
                    {t.up}
                  </button>
                  <button
                    type="button"
                    class="staff-button staff-button-small"
                    aria-label={t.moveDown(channel.name)}
                    disabled={i() === props.track.channels.length - 1 || ordering.pending()}
                    onClick={() => void move(i(), 1)}
                  >
                    {t.down}
                  </button>
                </td>
                <td>{channel.name}</td>
                <td>{channel.enabled ? t.enabled : t.disabled}</td>
                <td class="staff-nowrap">{t.used(channel.applications, channel.submitted)}</td>
                <td>
                  <ChannelActions
                    channel={channel}
                    editing={editing() === channel.id}
                    onEdit={() => setEditing(editing() === channel.id ? undefined : channel.id)}
                    onDone={done}
                  />
                </td>
              </tr>
              <Show when={editing() === channel.id}>
                <tr>
                  <td colSpan={5}>
                    <ChannelForm trackId={props.track.id} channel={channel} onDone={done} onCancel={() => setEditing(undefined)} />
                  </td>
                </tr>
              </Show>
            </>
          )}
        </For>
      </StaffTable>
      <Show when={ordering.problem()}>
        <p class="staff-field-error" role="alert">
          {ordering.problem()!.message}
        </p>
      </Show>
      <Show
        when={editing() === 'new'}
        fallback={
          <button type="button" class="staff-button" onClick={() => setEditing('new')}>
            {t.create}
          </button>
        }
      >
        <ChannelForm trackId={props.track.id} onDone={done} onCancel={() => setEditing(undefined)} />
      </Show>
    </div>
  );
}

/** 编辑, 停用/启用 and 删除 (asked twice) of one channel; a refusal (in use, changed meanwhile) shows beside them. */
function ChannelActions(props: { channel: ListedChannel; editing: boolean; onEdit: () => void; onDone: (message: string) => void }) {
  const switching = useWrite(updateChannel, ([input]) => input.channelId === props.channel.id);
  const removing = useWrite(removeChannel, ([input]) => input.channelId === props.channel.id);
  const [confirming, setConfirming] = createSignal(false);
  const toggle = async () => {
    const enabled = !props.channel.enabled;
    const done = await switching.run(updateOf(props.channel, { enabled }));
    if (done?.ok) props.onDone(t.switched(props.channel.name, enabled));
  };
  const remove = async () => {
    if (!confirming()) return setConfirming(true);
    const done = await removing.run({ channelId: props.channel.id, version: props.channel.version });
    setConfirming(false);
    if (done?.ok) props.onDone(t.removed(props.channel.name));
  };
  const problem = () => switching.problem() ?? removing.problem();
  return (
    <span class="channels-actions">
      <button type="button" class="staff-button staff-button-small" aria-expanded={props.editing} onClick={() => props.onEdit()}>
        {props.editing ? t.close : t.edit}
      </button>
      <button type="button" class="staff-button staff-button-small" disabled={switching.pending()} onClick={() => void toggle()}>
        {props.channel.enabled ? t.disable : t.enable}
      </button>
      <button
        type="button"
        class="staff-button staff-button-small staff-button-danger"
        disabled={removing.pending()}
        onClick={() => void remove()}
      >
        {confirming() ? t.confirmRemove : t.remove}
      </button>
      <Show when={problem()}>
        {(p) => (
          <span class="staff-field-error" role="alert">
            {p().message}
          </span>
        )}
      </Show>
    </span>
  );
}

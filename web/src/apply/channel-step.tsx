import { createAsync, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { FormError } from '../account/field';
import { zhApply } from '../i18n/zh-CN-apply';
import { zhCN } from '../i18n/zh-CN';
import { type Application, refreshApplication } from '../lib/applications';
import { getChannels } from '../lib/catalog';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { ChannelCard } from '../parent/channel-card';
import { type Precheck, PrecheckPanel, VerdictTag } from './precheck-panel';
import { StepFrame } from './step-frame';
import { stepPath } from './steps';
import { useApplication } from './use-application';

/** `/applications/:id/channel`: the entry's tracks for the child's grade; a channel is chosen from inside its card. */
export function ChannelStep() {
  const { app } = useApplication();
  return (
    <Show when={app()}>
      {(a) => (
        <StepFrame app={a()} step="channel" title={zhApply.channelStep.title}>
          <ChannelChoice app={a()} />
        </StepFrame>
      )}
    </Show>
  );
}

/** Chooses the application's channel, then reads the application again. */
const chooseChannel = write('apply.chooseChannel', async (applicationId: string, channelId: string) => {
  await api.applications.chooseChannel.mutate({ applicationId, channelId });
  await refreshApplication(applicationId);
});

function ChannelChoice(props: { app: Application }) {
  const navigate = useNavigate();
  const catalog = createAsync(() => getChannels(props.app.entry.id));
  const tracks = () => (catalog()?.tracks ?? []).filter((t) => props.app.grade >= t.gradeMin && props.app.grade <= t.gradeMax);
  // Where the entry has groups (县城 / 非县城小学毕业生) with the same channel names, the group is chosen first.
  const [group, setGroup] = createSignal(props.app.track?.id);
  const grouped = () => tracks().length > 1;
  const shownTracks = () => (grouped() ? tracks().filter((t) => t.id === group()) : tracks());
  const choice = useWrite(chooseChannel);
  /** The channel on its way, if any. */
  const pending = () => (choice.pending() ? choice.last()?.input[1] : undefined);
  const error = () => choice.problem()?.message;
  const [precheck, setPrecheck] = createSignal<Precheck>();
  const verdictOf = (code: string) => precheck()?.channels.find((c) => c.code === code);

  const choose = async (channelId: string) => {
    if (choice.pending()) return;
    if (props.app.channel?.id === channelId) return navigate(stepPath(props.app.id, 'form'));
    if ((await choice.run(props.app.id, channelId))?.ok) navigate(stepPath(props.app.id, 'form'));
  };

  return (
    <Show when={catalog()}>
      <p class="muted">{zhApply.channelStep.hint}</p>
      <Show when={props.app.channel}>{(c) => <p class="notice-ok">{zhApply.channelStep.current(c().label)}</p>}</Show>
      <PrecheckPanel app={props.app} result={precheck()} onResult={setPrecheck} />
      <FormError message={error()} />
      <Show when={tracks().length > 0} fallback={<p class="empty">{zhApply.channelStep.none}</p>}>
        <Show when={grouped()}>
          <fieldset class="track-choice">
            <legend class="section-title">{zhApply.channelStep.groupFirst}</legend>
            <For each={tracks()}>
              {(track) => (
                <label class="track-option" classList={{ 'track-option-picked': group() === track.id }}>
                  <input type="radio" name="track" value={track.id} checked={group() === track.id} onChange={() => setGroup(track.id)} />
                  <span>
                    <span class="track-option-name">{track.name}</span>
                    <span class="muted">{track.description}</span>
                  </span>
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <For each={shownTracks()}>
          {(track) => (
            <section class="track">
              <Show when={grouped()}>
                <h2 class="track-name">{zhApply.channelStep.groupChannels(track.name)}</h2>
              </Show>
              <p class="track-count">{zhCN.entry.channelsOf(track.channels.length)}</p>
              <div class="channel-list">
                <For each={track.channels}>
                  {(channel) => {
                    const selected = () => props.app.channel?.id === channel.id;
                    return (
                      <ChannelCard
                        channel={channel}
                        selected={selected()}
                        badge={
                          <>
                            <Show when={verdictOf(channel.code)}>{(v) => <VerdictTag qualifies={v().qualifies} />}</Show>
                            <Show when={selected()}>
                              <span class="tag tag-chosen">{zhApply.channelStep.chosen}</span>
                            </Show>
                          </>
                        }
                      >
                        <button
                          type="button"
                          class="button button-primary button-block channel-choose"
                          disabled={Boolean(pending())}
                          onClick={() => void choose(channel.id)}
                        >
                          {pending() === channel.id ? zhApply.channelStep.choosing : zhApply.channelStep.choose}
                        </button>
                      </ChannelCard>
                    );
                  }}
                </For>
              </div>
            </section>
          )}
        </For>
      </Show>
      <Show when={props.app.channel}>
        <div class="step-actions">
          <button type="button" class="button button-primary button-block" onClick={() => navigate(stepPath(props.app.id, 'form'))}>
            {zhApply.steps.next}
          </button>
        </div>
      </Show>
    </Show>
  );
}

import { revalidate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import { formatTime } from '../lib/account';
import { getProgress } from '../lib/applications';
import { api, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';

type Placement = NonNullable<RouterOutputs['applications']['progress']['placement']>;
const t = zhApply.placement;

const confirmSeat = write('applications.confirmSeat', async (applicationId: string, accept: boolean, secondRound?: boolean) => {
  const done = await api.applications.confirmSeat.mutate({ applicationId, accept, ...(secondRound ? { secondRound } : {}) });
  await revalidate(getProgress.key);
  return done;
});

/**
 * 确认入学: take the seat, or give it up (asked twice; in round 1 the family may ask for the second round), before the
 * deadline; then what was answered.
 */
export function SeatConfirmation(props: { applicationId: string; placement: Placement }) {
  const answering = useWrite(confirmSeat);
  const [declining, setDeclining] = createSignal(false);
  const [secondRound, setSecondRound] = createSignal(false);
  const until = () => formatTime(props.placement.confirmBy ?? '');
  return (
    <Switch>
      <Match when={props.placement.confirmation === 'confirmed'}>
        <p class="notice-ok" role="status">
          {t.seatTaken}
        </p>
      </Match>
      <Match when={props.placement.confirmation === 'declined'}>
        <p class="notice-ok" role="status">
          {t.seatGivenUp}
        </p>
      </Match>
      <Match when={props.placement.confirmation === 'lapsed'}>
        <p class="notice-ok" role="status">
          {t.seatLapsed}
        </p>
      </Match>
      <Match when={props.placement.canConfirm}>
        <div class="seat-confirmation">
          <p>{props.placement.round === 1 ? t.answerBy(until()) : t.answerByRoundTwo(until())}</p>
          <button
            type="button"
            class="button button-primary button-block"
            disabled={answering.pending()}
            onClick={() => void answering.run(props.applicationId, true)}
          >
            {t.confirm}
          </button>
          <Show
            when={declining()}
            fallback={
              <button type="button" class="button button-block" disabled={answering.pending()} onClick={() => setDeclining(true)}>
                {t.decline}
              </button>
            }
          >
            <Show when={props.placement.canAskSecondRound}>
              <label class="check">
                <input type="checkbox" checked={secondRound()} onChange={(e) => setSecondRound(e.currentTarget.checked)} />
                {t.secondRoundAsk}
              </label>
            </Show>
            <button
              type="button"
              class="button button-block"
              disabled={answering.pending()}
              onClick={() => void answering.run(props.applicationId, false, props.placement.canAskSecondRound && secondRound())}
            >
              {t.confirmDecline}
            </button>
          </Show>
          <Show when={answering.problem()}>
            {(p) => (
              <p class="field-error" role="alert">
                {p().message}
              </p>
            )}
          </Show>
        </div>
      </Match>
    </Switch>
  );
}

import { For, Show } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import type { RouterOutputs } from '../lib/trpc';
import { ObjectionPanel } from './objection-form';
import { SeatConfirmation } from './seat-confirmation';

type Placement = NonNullable<RouterOutputs['applications']['progress']['placement']>;
const t = zhApply.placement;

/** 录取结果: the school (or 统筹安排), and why: the tier and lottery number at each choice and each school's cutoff. */
export function PlacementResult(props: { applicationId: string; placement: Placement }) {
  return (
    <section class="card placement-result" aria-labelledby="placement-result">
      <h2 id="placement-result" class="section-title">
        {t.title}
      </h2>
      <Show when={props.placement.round === 2}>
        <p class="placement-round">{t.roundTwo}</p>
      </Show>
      <p class="placement-school">
        {props.placement.school ? t.placed(props.placement.school) : props.placement.round === 1 ? t.unplaced : t.unplacedRoundTwo}
      </p>
      <SeatConfirmation applicationId={props.applicationId} placement={props.placement} />
      <Show when={props.placement.secondRound}>
        {(how) => (
          <p class="notice-ok" role="status">
            {how() === 'automatic' ? t.secondRoundAutomatic : t.secondRoundRequested}
          </p>
        )}
      </Show>
      <p class="muted">
        {t.lottery}：<code class="hash">{props.placement.lottery}</code>
      </p>
      <ol class="placement-choices">
        <For each={props.placement.choices}>
          {(choice, i) => (
            <li>
              <strong>{t.choice(i() + 1, choice.school)}</strong>
              <span>{t.tier(choice.tier, choice.tierLabel)}</span>
              <span>
                {choice.cutoff
                  ? t.cutoff(choice.seats ?? 0, choice.cutoff.tier, choice.cutoff.lottery.slice(0, 12))
                  : t.notFull(choice.seats ?? 0)}
              </span>
              <span class="muted">{choice.reached ? t.reached : t.notReached}</span>
            </li>
          )}
        </For>
      </ol>
      <p class="muted">{t.how}</p>
      <Show when={props.placement.round === 2}>
        <p class="muted">{t.roundTwoHow}</p>
      </Show>
      <ObjectionPanel applicationId={props.applicationId} placement={props.placement} />
    </section>
  );
}

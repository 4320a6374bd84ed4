import { createSignal, Show } from 'solid-js';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import { useWrite } from '../lib/write';
import { chinaDateTime } from './format';
import { drawSecondRound } from './placement-data';
import { WriteProblem } from './write-problem';

/** 第二轮派位 of a published round-1 draw (asked twice); the server refuses it before the confirmation deadline. */
export function SecondRoundButton(props: { drawId: string; what: string; confirmBy: string; onDone: (message: string) => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const drawing = useWrite(drawSecondRound, ([input]) => input.drawId === props.drawId);
  const run = async () => {
    setConfirming(false);
    const done = await drawing.run({ drawId: props.drawId });
    if (done?.ok) props.onDone(t.secondRoundDrawn(props.what, done.value.applicants, done.value.unplaced));
  };
  return (
    <div>
      <p class="staff-muted">{t.secondRoundAfter(chinaDateTime(props.confirmBy))}</p>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="staff-button" disabled={drawing.pending()} onClick={() => setConfirming(true)}>
            {t.secondRound}
          </button>
        }
      >
        <button type="button" class="staff-button staff-button-primary" onClick={() => void run()}>
          {t.confirmSecondRound(props.what)}
        </button>
      </Show>
      <WriteProblem problem={drawing.problem()} />
    </div>
  );
}

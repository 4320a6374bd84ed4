import { For, Show } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import { formatTime } from '../lib/account';
import type { Progress } from '../lib/applications';
import { deadlineText } from '../lib/deadline-text';

type Status = Progress['status'];

/** The statuses that sit on the way from 提交 to the result, and the stage each has reached (0 = 已提交). */
const reached: Partial<Record<Status, number>> = {
  submitted: 1,
  preliminarily_approved: 2,
  school_approved: 3,
  admitted: 4,
  not_admitted: 4,
};

/** Whether an application is on the way from 提交 to the result (not a draft, not withdrawn or rejected). */
export const onTheWay = (status: Status) => reached[status] !== undefined;

/**
 * 接下来: 已提交 → 网上初审 → 学校审核 → 录取结果, the stage the application is at marked, each finished stage with the
 * time its history gives, and for the current one what happens and until when a withdrawal is possible (the window's
 * close). No date the data does not hold.
 */
export function NextSteps(props: Pick<Progress, 'status' | 'history' | 'window' | 'canWithdraw'>) {
  const latest = (...to: Status[]) => [...props.history].reverse().find((h) => to.includes(h.to));
  const done = (entry: ReturnType<typeof latest>) => (entry ? `${formatTime(entry.at)} ${entry.toName}` : '');
  const stages = () => {
    const now = reached[props.status] ?? 0;
    const state = (i: number) => (i < now ? 'done' : i === now ? 'current' : 'later');
    const submitted = latest('submitted');
    const reviewEnds = props.window.reviewEndsAt ? zhApply.next.endsBy(deadlineText(props.window.reviewEndsAt)) : '';
    const schoolEnds = props.window.schoolReviewEndsAt ? zhApply.next.endsBy(deadlineText(props.window.schoolReviewEndsAt)) : '';
    const review =
      (now === 1 ? zhApply.next.reviewNow + (props.canWithdraw ? zhApply.next.withdrawBy(deadlineText(props.window.closesAt)) : '') : '') +
      (now <= 1 ? reviewEnds : '');
    return [
      { name: zhApply.next.submitted, state: 'done', note: submitted ? zhApply.next.submittedAt(formatTime(submitted.at)) : '' },
      { name: zhApply.next.review, state: state(1), note: now > 1 ? done(latest('preliminarily_approved')) : review },
      {
        name: zhApply.next.school,
        state: state(2),
        note: now > 2 ? done(latest('school_approved')) : zhApply.next.schoolLater + schoolEnds,
      },
      { name: zhApply.next.result, state: state(3), note: now > 3 ? done(latest('admitted', 'not_admitted')) : zhApply.next.resultLater },
    ];
  };
  return (
    <section class="card next-steps" aria-labelledby="next-steps-title">
      <h2 class="section-title" id="next-steps-title">
        {zhApply.next.title}
      </h2>
      <ol class="stages">
        <For each={stages()}>
          {(stage) => (
            <li class={`stage stage-${stage.state}`} aria-current={stage.state === 'current' ? 'step' : undefined}>
              <span class="stage-name">{stage.name}</span>
              <Show when={stage.note}>
                <span class="stage-note">{stage.note}</span>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

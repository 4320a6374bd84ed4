import { A, useParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { useSignedInRead } from '../account/signed-in';
import { zhApply } from '../i18n/zh-CN-apply';
import { zhAccessLog } from '../i18n/zh-CN-access-log';
import { formatTime } from '../lib/account';
import { getProgress } from '../lib/applications';
import { deadlineText } from '../lib/deadline-text';
import { windowParts } from '../lib/window-text';
import { BackLink } from '../ui/back-link';
import { FamilyChecks } from './family-checks';
import { NextSteps, onTheWay } from './next-steps';
import { PlacementResult } from './placement-result';
import { useTitle } from '../ui/title';
import { StatusTag } from './status-tag';
import { stepPath } from './steps';
import { Timeline } from './timeline';
import { WithdrawPanel } from './withdraw-panel';

/** A deadline at midnight reads as the day before at 24:00, the way the window itself is written. */
function formatDeadline(iso: string) {
  const text = formatTime(iso);
  return text.endsWith(' 00:00') ? `${formatTime(new Date(Date.parse(iso) - 60_000).toISOString()).slice(0, 10)} 24:00` : text;
}

/**
 * `/applications/:id/progress` 报名进度: the status, the rejection reason, 还可撤回 N 次 with 撤回, the way to edit
 * and resubmit (after a withdrawal: by when), the stages still ahead, and the history.
 */
export function ProgressPage() {
  const params = useParams<{ applicationId: string }>();
  const progress = useSignedInRead(() => getProgress(params.applicationId));
  useTitle(() => zhApply.progress.title);

  return (
    <Show when={progress()}>
      {(p) => (
        <>
          <BackLink href="/applications">{zhApply.progress.title}</BackLink>
          <h1 class="page-title">{zhApply.progress.title}</h1>
          <section class="card progress-card">
            <div class="progress-head">
              <span class="apply-child">{p().childName}</span>
              <StatusTag status={p().status} name={p().statusName} large />
            </div>
            <dl class="facts">
              <dt>{zhApply.progress.number}</dt>
              <dd class="id-masked">{p().number}</dd>
              <dt>{zhApply.progress.window}</dt>
              <dd>{windowParts(p().window).join(' ')}</dd>
            </dl>
          </section>

          <Show when={p().placement}>{(placement) => <PlacementResult applicationId={p().id} placement={placement()} />}</Show>

          <Switch>
            <Match when={p().status === 'rejected'}>
              <div class="reject" role="status">
                <p class="reject-title">{zhApply.progress.rejected}</p>
                <p class="reject-reason">{p().rejectReason}</p>
                <Show when={p().correctionDeadline}>
                  {(d) => <p class="muted">{zhApply.progress.correctionDeadline(formatDeadline(d()))}</p>}
                </Show>
              </div>
            </Match>
            <Match when={p().status === 'withdrawn'}>
              <div class="notice-ok" role="status">
                <p class="withdrawn-title">
                  {p().window.state === 'closed'
                    ? zhApply.progress.withdrawnClosed
                    : zhApply.progress.withdrawnBy(deadlineText(p().window.closesAt))}
                </p>
                <p>{zhApply.progress.notResubmitted}</p>
                <p class="withdrawals-left">
                  {p().withdrawalsLeft > 0 ? zhApply.progress.withdrawalsLeft(p().withdrawalsLeft) : zhApply.progress.noWithdrawals}
                </p>
              </div>
            </Match>
            <Match when={p().status === 'draft'}>
              <p class="notice-ok">{zhApply.progress.draft}</p>
            </Match>
          </Switch>

          <Switch>
            <Match when={p().canEdit}>
              <A
                class="button button-primary button-block"
                href={p().status === 'draft' ? `/applications/${p().id}` : stepPath(p().id, p().fixStep ?? 'channel')}
              >
                {p().status === 'draft' ? zhApply.progress.resume : zhApply.progress.edit}
              </A>
              <Show when={p().status === 'rejected'}>
                <p class="withdrawals-left">
                  {p().withdrawalsLeft > 0 ? zhApply.progress.withdrawalsLeft(p().withdrawalsLeft) : zhApply.progress.noWithdrawals}
                </p>
              </Show>
            </Match>
            <Match when={p().status === 'submitted'}>
              <A class="button button-block" href={stepPath(p().id, 'preview')}>
                {zhApply.progress.view}
              </A>
              <WithdrawPanel applicationId={p().id} canWithdraw={p().canWithdraw} withdrawalsLeft={p().withdrawalsLeft} />
            </Match>
            <Match when={true}>
              <A class="button button-block" href={stepPath(p().id, 'preview')}>
                {zhApply.progress.viewOnly}
              </A>
              <p class="muted">{zhApply.progress.afterReview}</p>
            </Match>
          </Switch>

          <Show when={onTheWay(p().status)}>
            <NextSteps status={p().status} history={p().history} window={p().window} canWithdraw={p().canWithdraw} />
          </Show>

          <Show when={p().checks.length > 0}>
            <FamilyChecks checks={p().checks} />
          </Show>

          <Show when={p().history.length > 0}>
            <Timeline history={p().history} />
          </Show>

          <Show when={p().status !== 'draft'}>
            <A class="button button-block" href={`/applications/${p().id}/access`}>
              {zhAccessLog.link}
            </A>
          </Show>
        </>
      )}
    </Show>
  );
}

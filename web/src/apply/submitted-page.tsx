import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import { OrderNotice } from '../parent/order-notice';
import { NextSteps } from './next-steps';
import { useTitle } from '../ui/title';
import { stepPath } from './steps';
import { useApplication } from './use-application';

/**
 * `/applications/:id/submitted`: 报名信息提交成功, the application number, what happens next and until when it can be
 * withdrawn, and that order does not matter.
 */
export function SubmittedPage() {
  const { app } = useApplication();
  useTitle(() => zhApply.submitted.title);
  return (
    <Show when={app()}>
      {(a) => (
        <>
          <section class="success" role="status">
            <span class="success-mark" aria-hidden="true">
              ✓
            </span>
            <h1 class="page-title">{zhApply.submitted.title}</h1>
            <p class="muted">
              {a().child.name} · {a().entry.name}
            </p>
            <p class="success-number">
              <span class="muted">{zhApply.submitted.number}</span>
              <span class="number">{a().number}</span>
            </p>
            <p>{zhApply.submitted.body}</p>
          </section>
          <NextSteps status={a().status} history={a().history} window={a().window} canWithdraw={a().canWithdraw} />
          <OrderNotice />
          <A class="button button-primary button-block" href={stepPath(a().id, 'progress')}>
            {zhApply.submitted.progress}
          </A>
          <A class="button button-block" href="/">
            {zhApply.submitted.home}
          </A>
        </>
      )}
    </Show>
  );
}

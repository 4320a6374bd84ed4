import { createSignal, Show } from 'solid-js';
import { FormError } from '../account/field';
import { zhApply } from '../i18n/zh-CN-apply';
import { refreshApplication } from '../lib/applications';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';

/** Withdraws the application; it is read again whether or not the server took it. */
const withdrawApplication = write('apply.withdraw', async (applicationId: string) => {
  try {
    await api.applications.withdraw.mutate({ applicationId });
  } finally {
    await refreshApplication(applicationId);
  }
});

/**
 * 还可撤回 N 次 and 如需修改，请点击撤回 (guide 二(七)): a confirmation first, which says how many withdrawals remain
 * after this one; it takes the focus (on 取消, the safe answer), Escape or 取消 closes it and returns the focus. Gone once the application is past the preliminary review or the withdrawals are used up.
 */
export function WithdrawPanel(props: { applicationId: string; canWithdraw: boolean; withdrawalsLeft: number; onWithdrawn?: () => void }) {
  const [asking, setAsking] = createSignal(false);
  const withdrawal = useWrite(withdrawApplication);
  const pending = withdrawal.pending;
  const error = () => withdrawal.problem()?.message;

  let opener: HTMLButtonElement | undefined;
  /** Closes the question and puts the focus back on the button that asked it, for keyboards and screen readers. */
  const cancel = () => {
    setAsking(false);
    opener?.focus();
  };

  const withdraw = async () => {
    if (!(await withdrawal.run(props.applicationId))?.ok) return;
    setAsking(false);
    props.onWithdrawn?.();
  };

  return (
    <section class="withdraw">
      <p class="withdrawals-left">
        {props.withdrawalsLeft > 0 ? zhApply.progress.withdrawalsLeft(props.withdrawalsLeft) : zhApply.progress.noWithdrawals}
      </p>
      <Show when={props.canWithdraw} fallback={<p class="muted">{props.withdrawalsLeft > 0 ? zhApply.progress.afterReview : ''}</p>}>
        <Show
          when={asking()}
          fallback={
            <button
              ref={opener}
              type="button"
              class="button button-block button-danger"
              onClick={() => {
                withdrawal.clear();
                setAsking(true);
              }}
            >
              {zhApply.progress.withdraw}
            </button>
          }
        >
          <div
            class="confirm"
            role="alertdialog"
            aria-labelledby="withdraw-confirm-title"
            aria-describedby="withdraw-confirm-body"
            onKeyDown={(event) => {
              if (event.key === 'Escape') cancel();
            }}
          >
            <p class="confirm-title" id="withdraw-confirm-title">
              {zhApply.progress.confirmTitle}
            </p>
            <p id="withdraw-confirm-body">{zhApply.progress.confirmBody(props.withdrawalsLeft - 1)}</p>
            <div class="button-row">
              <button type="button" class="button" ref={(el) => queueMicrotask(() => el.focus())} onClick={cancel}>
                {zhApply.progress.cancel}
              </button>
              <button type="button" class="button button-danger" disabled={pending()} onClick={() => void withdraw()}>
                {pending() ? zhApply.progress.withdrawing : zhApply.progress.confirm}
              </button>
            </div>
          </div>
        </Show>
      </Show>
      <FormError message={error()} />
    </section>
  );
}

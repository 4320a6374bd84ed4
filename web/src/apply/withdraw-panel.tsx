import { createSignal, Show } from 'solid-js';
import { FormError } from '../account/field';
import { zhCN } from '../i18n/zh-CN';
import { refreshApplication } from '../lib/applications';
import { problemOf } from '../lib/problem';
import { api } from '../lib/trpc';

/**
 * 还可撤回 N 次 and 如需修改，请点击撤回 (guide 二(七)): a confirmation first, which says how many withdrawals remain
 * after this one. Gone once the application is past the preliminary review or the withdrawals are used up.
 */
export function WithdrawPanel(props: { applicationId: string; canWithdraw: boolean; withdrawalsLeft: number; onWithdrawn?: () => void }) {
  const [asking, setAsking] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const withdraw = async () => {
    if (pending()) return;
    setPending(true);
    setError(undefined);
    try {
      await api.applications.withdraw.mutate({ applicationId: props.applicationId });
      setAsking(false);
      await refreshApplication(props.applicationId);
      props.onWithdrawn?.();
    } catch (e) {
      setError(problemOf(e).message);
      await refreshApplication(props.applicationId);
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="withdraw">
      <p class="withdrawals-left">{props.withdrawalsLeft > 0 ? zhCN.progress.withdrawalsLeft(props.withdrawalsLeft) : zhCN.progress.noWithdrawals}</p>
      <Show when={props.canWithdraw} fallback={<p class="muted">{props.withdrawalsLeft > 0 ? zhCN.progress.afterReview : ''}</p>}>
        <Show when={asking()} fallback={
          <button type="button" class="button button-block button-danger" onClick={() => { setError(undefined); setAsking(true); }}>
            {zhCN.progress.withdraw}
          </button>
        }>
          <div class="confirm" role="alertdialog" aria-label={zhCN.progress.confirmTitle}>
            <p class="confirm-title">{zhCN.progress.confirmTitle}</p>
            <p>{zhCN.progress.confirmBody(props.withdrawalsLeft - 1)}</p>
            <div class="button-row">
              <button type="button" class="button" onClick={() => setAsking(false)}>{zhCN.progress.cancel}</button>
              <button type="button" class="button button-danger" disabled={pending()} onClick={() => void withdraw()}>
                {pending() ? zhCN.progress.withdrawing : zhCN.progress.confirm}
              </button>
            </div>
          </div>
        </Show>
      </Show>
      <FormError message={error()} />
    </section>
  );
}

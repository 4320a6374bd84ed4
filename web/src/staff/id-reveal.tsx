import { createSignal, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { problemOf } from '../lib/problem';
import { api } from '../lib/trpc';

/**
 * A masked ID number with 显示完整证件号: the full number is fetched only on request, and the server writes the view
 * to the audit log before answering (the page says so). It stays on this page only.
 */
export function IdReveal(props: { applicationId: string; field: 'child' | 'father' | 'mother' | 'sibling'; masked: string | null | undefined; label: string }) {
  const [full, setFull] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const reveal = async () => {
    if (pending()) return;
    setPending(true);
    setError(undefined);
    try {
      const { idNumber } = await api.review.revealId.mutate({ applicationId: props.applicationId, field: props.field });
      setFull(idNumber);
    } catch (e) {
      setError(problemOf(e).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <span class="staff-id">
      <span class="staff-mono">{full() ?? props.masked ?? zhStaff.detail.empty}</span>
      <Show when={!full() && props.masked}>
        <button type="button" class="staff-button staff-button-small" disabled={pending()} onClick={() => void reveal()}
          aria-label={`${zhStaff.detail.reveal}：${props.label}`} title={zhStaff.detail.revealHint}>
          {pending() ? zhStaff.detail.revealing : zhStaff.detail.reveal}
        </button>
      </Show>
      <Show when={full()}><span class="staff-logged" role="status">{zhStaff.detail.revealed}</span></Show>
      <Show when={error()}><span class="staff-field-error" role="alert">{error()}</span></Show>
    </span>
  );
}

import { createSignal, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';

type Field = 'child' | 'father' | 'mother' | 'sibling';

/** The full number of one ID field (the server audits the view before answering). */
const revealId = write('staff.revealId', (applicationId: string, field: Field) => api.review.revealId.mutate({ applicationId, field }));

/**
 * A masked ID number with 显示完整证件号: the full number is fetched only on request, and the server writes the view
 * to the audit log before answering (the page says so). It stays on this page only.
 */
export function IdReveal(props: { applicationId: string; field: Field; masked: string | null | undefined; label: string }) {
  const [full, setFull] = createSignal<string>();
  const reveal = useWrite(revealId, ([applicationId, field]) => applicationId === props.applicationId && field === props.field);
  const pending = reveal.pending;
  const error = () => reveal.problem()?.message;
  const show = async () => {
    const answer = await reveal.run(props.applicationId, props.field);
    if (answer?.ok) setFull(answer.value.idNumber);
  };
  return (
    <span class="staff-id">
      <span class="staff-mono">{full() ?? props.masked ?? zhStaff.detail.empty}</span>
      <Show when={!full() && props.masked}>
        <button type="button" class="staff-button staff-button-small" disabled={pending()} onClick={() => void show()}
          aria-label={`${zhStaff.detail.reveal}：${props.label}`} title={zhStaff.detail.revealHint}>
          {pending() ? zhStaff.detail.revealing : zhStaff.detail.reveal}
        </button>
      </Show>
      <Show when={full()}><span class="staff-logged" role="status">{zhStaff.detail.revealed}</span></Show>
      <Show when={error()}><span class="staff-field-error" role="alert">{error()}</span></Show>
    </span>
  );
}

import { createSignal, Show } from 'solid-js';
import type { RevealName } from '../../../src/domain/application-form';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api } from '../lib/trpc';
import { type Outcome, useWrite, write } from '../lib/write';

type Field = 'child' | 'sibling' | RevealName;

/** The full number of one ID field (the server audits the view before answering). */
const revealId = write('staff.revealId', (applicationId: string, field: Field) => api.review.revealId.mutate({ applicationId, field }));
/** The parent's full phone number, to call them (audited the same way). */
const revealPhone = write('staff.revealPhone', (applicationId: string) => api.review.revealPhone.mutate({ applicationId }));

/** A masked ID number with 显示完整证件号. */
export function IdReveal(props: { applicationId: string; field: Field; masked: string | null | undefined; label: string }) {
  const reveal = useWrite(revealId, ([applicationId, field]) => applicationId === props.applicationId && field === props.field);
  return (
    <Reveal
      masked={props.masked}
      label={props.label}
      texts={zhStaff.detail.idReveal}
      pending={reveal.pending}
      problem={() => reveal.problem()?.message}
      fetch={async () => mapped(await reveal.run(props.applicationId, props.field), (v) => v.idNumber)}
    />
  );
}

/** The parent's masked phone number with 显示完整号码. */
export function PhoneReveal(props: { applicationId: string; masked: string; label: string }) {
  const reveal = useWrite(revealPhone, ([applicationId]) => applicationId === props.applicationId);
  return (
    <Reveal
      masked={props.masked}
      label={props.label}
      texts={zhStaff.detail.phoneReveal}
      pending={reveal.pending}
      problem={() => reveal.problem()?.message}
      fetch={async () => mapped(await reveal.run(props.applicationId), (v) => v.phone)}
    />
  );
}

const mapped = <U,>(outcome: Outcome<U> | undefined, full: (value: U) => string) => (outcome?.ok ? full(outcome.value) : undefined);

/**
 * A masked value whose full form is fetched only on request; the server writes the view to the audit log before
 * answering (the page says so). It stays on this page only.
 */
function Reveal(props: {
  masked: string | null | undefined;
  label: string;
  texts: { reveal: string; revealing: string; hint: string; revealed: string };
  pending: () => boolean;
  problem: () => string | undefined;
  fetch: () => Promise<string | undefined>;
}) {
  const [full, setFull] = createSignal<string>();
  const show = async () => setFull(await props.fetch());
  return (
    <span class="staff-id">
      <span class="staff-mono">{full() ?? props.masked ?? zhStaff.detail.empty}</span>
      <Show when={!full() && props.masked}>
        <button
          type="button"
          class="staff-button staff-button-small"
          disabled={props.pending()}
          onClick={() => void show()}
          aria-label={`${props.texts.reveal}：${props.label}`}
          title={props.texts.hint}
        >
          {props.pending() ? props.texts.revealing : props.texts.reveal}
        </button>
      </Show>
      <Show when={full()}>
        <span class="staff-logged" role="status">
          {props.texts.revealed}
        </span>
      </Show>
      <Show when={props.problem()}>
        <span class="staff-field-error" role="alert">
          {props.problem()}
        </span>
      </Show>
    </span>
  );
}

import { createAsync, revalidate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { getDeadLetters } from './data';
import { chinaDateTime } from './format';

const t = zhStaff.deadLetters;

/** Sends a dead SMS again (audited), then reads the list again. */
const retryDeadLetter = write('staff.retryDeadLetter', async (outboxId: string) => {
  await api.admin.retryDeadLetter.mutate({ outboxId });
  await revalidate(getDeadLetters.key);
});

/** One row's 重新发送 with its own pending state and refusal. */
function RetryButton(props: { outboxId: string }) {
  const retry = useWrite(retryDeadLetter, ([id]) => id === props.outboxId);
  return (
    <>
      <button type="button" class="staff-button" disabled={retry.pending()} onClick={() => void retry.run(props.outboxId)}>
        {retry.pending() ? t.retrying : t.retry}
      </button>
      <Show when={retry.problem()}>{(problem) => <p class="staff-field-error">{problem().message}</p>}</Show>
    </>
  );
}

/**
 * Administrators' list of SMS the outbox gave up on (DESIGN.md "Notifications (outbox)"): masked number, kind,
 * attempts and the (redacted) last error, with 重新发送. Shown on every desk page while there are any.
 */
export function DeadLetters() {
  const letters = createAsync(() => getDeadLetters().catch(() => []));
  return (
    <Show when={(letters() ?? []).length > 0}>
      <details class="staff-dead-letters" aria-label={t.title(letters()!.length)}>
        <summary>{t.title(letters()!.length)}</summary>
        <p class="staff-hint">{t.hint}</p>
        <div class="staff-table-wrap">
          <table class="staff-table">
            <thead>
              <tr>
                <th>{t.phone}</th>
                <th>{t.kind}</th>
                <th>{t.attempts}</th>
                <th>{t.lastError}</th>
                <th>{t.createdAt}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              <For each={letters()}>
                {(letter) => (
                  <tr>
                    <td>{letter.phone}</td>
                    <td>{t.kinds[letter.kind] ?? letter.kind}</td>
                    <td>{letter.attempts}</td>
                    <td>{letter.lastError ?? ''}</td>
                    <td>{chinaDateTime(letter.createdAt)}</td>
                    <td>{letter.retryable ? <RetryButton outboxId={letter.id} /> : t.codeNotRetryable}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </Show>
  );
}

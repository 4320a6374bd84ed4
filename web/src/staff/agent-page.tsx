import { createAsync, query, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { mandatePolicy } from '../../../src/domain/agent-mandate';
import { privacyNoticeVersion } from '../../../src/domain/privacy-notice';
import { zhAgent } from '../i18n/zh-CN-staff-agent';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { StaffTable } from './admin-page';
import { chinaDateTime, staffTitle } from './format';
import { WriteProblem } from './write-problem';
import { StaffField } from './staff-field';

const getMandates = query(() => api.agent.mandates.query(), 'agent.mandates');
const lookup = write('agent.lookup', (phone: string) => api.agent.lookup.query({ phone }));
const sendCode = write('agent.sendCode', (phone: string) => api.agent.sendCode.mutate({ phone }));
const openMandate = write('agent.open', (input: { phone: string; code?: string; reason?: string }) =>
  api.agent.open.mutate({ ...input, acceptedNotice: privacyNoticeVersion }),
);
const endMandate = write('agent.endMandate', async (mandateId: string) => {
  await api.agent.end.mutate({ mandateId });
  await revalidate(getMandates.key);
});

/**
 * 代办: the agent finds the family by phone number, confirms with the code the parent reads out (or registers why that
 * cannot be done), and opens the family's own pages in this browser; the agent's mandates below, with 结束代办.
 */
export function AgentPage() {
  staffTitle(zhAgent.title);
  const [phone, setPhone] = createSignal('');
  const [code, setCode] = createSignal('');
  const [attested, setAttested] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [consent, setConsent] = createSignal(false);
  const looking = useWrite(lookup);
  const sending = useWrite(sendCode);
  const opening = useWrite(openMandate);
  const found = () => looking.last()?.result;
  const problem = () => opening.problem() ?? sending.problem() ?? looking.problem();

  const open = async (event: SubmitEvent) => {
    event.preventDefault();
    const how = attested() ? { reason: reason().trim() } : { code: code().trim() };
    const opened = await opening.run({ phone: phone().trim(), ...how });
    if (opened?.ok) location.assign('/me');
  };

  return (
    <section class="staff-panel" aria-labelledby="agent-title">
      <h1 id="agent-title" class="staff-section-title">
        {zhAgent.title}
      </h1>
      <p class="staff-muted">{zhAgent.intro}</p>
      <form class="agent-form" onSubmit={(e) => void open(e)} novalidate>
        <StaffField id="agent-phone" label={zhAgent.phone}>
          <input
            id="agent-phone"
            class="staff-input"
            inputmode="numeric"
            maxlength="11"
            value={phone()}
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
        </StaffField>
        <div class="staff-actions">
          <button type="button" class="staff-button" disabled={looking.pending()} onClick={() => void looking.run(phone().trim())}>
            {zhAgent.lookup}
          </button>
          <button
            type="button"
            class="staff-button"
            disabled={sending.pending() || attested()}
            onClick={() => void sending.run(phone().trim())}
          >
            {zhAgent.sendCode}
          </button>
        </div>
        <Show when={found()}>
          {(f) => (
            <p class="staff-muted" role="status">
              {f().exists ? zhAgent.exists(f().phoneMasked) : zhAgent.missing(f().phoneMasked)}
            </p>
          )}
        </Show>
        <Show when={sending.last()?.result}>
          <p class="staff-muted" role="status">
            {zhAgent.codeSent}
          </p>
        </Show>
        <label class="staff-check">
          <input type="checkbox" checked={attested()} onChange={(e) => setAttested(e.currentTarget.checked)} />
          {zhAgent.attested}
        </label>
        <Show
          when={attested()}
          fallback={
            <StaffField id="agent-code" label={zhAgent.code}>
              <input
                id="agent-code"
                class="staff-input"
                inputmode="numeric"
                maxlength="6"
                autocomplete="one-time-code"
                value={code()}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            </StaffField>
          }
        >
          <StaffField id="agent-reason" label={zhAgent.reason} hint={zhAgent.reasonHint(mandatePolicy.minReasonLength)}>
            <textarea
              id="agent-reason"
              class="staff-input"
              maxlength={mandatePolicy.maxReasonLength}
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </StaffField>
        </Show>
        <label class="staff-check">
          <input type="checkbox" checked={consent()} onChange={(e) => setConsent(e.currentTarget.checked)} />
          {zhAgent.consent}
        </label>
        <div class="staff-actions">
          <button type="submit" class="staff-button staff-button-primary" disabled={!consent() || opening.pending()}>
            {opening.pending() ? zhAgent.opening : zhAgent.open}
          </button>
        </div>
        <WriteProblem problem={problem()} />
      </form>
      <Mandates />
    </section>
  );
}

function Mandates() {
  const mandates = createAsync(() => getMandates());
  const ending = useWrite(endMandate);
  return (
    <>
      <h2 class="staff-section-title">{zhAgent.recent}</h2>
      <Show when={(mandates() ?? []).length > 0} fallback={<p class="staff-muted">{zhAgent.empty}</p>}>
        <StaffTable columns={Object.values(zhAgent.columns)}>
          <For each={mandates()}>
            {(m) => (
              <tr>
                <td>{m.phoneMasked}</td>
                <td>{zhAgent.methods[m.method]}</td>
                <td class="staff-nowrap">{chinaDateTime(m.createdAt)}</td>
                <td>{m.live ? zhAgent.live : zhAgent.over}</td>
                <td>
                  <Show when={m.live}>
                    <button type="button" class="staff-button" disabled={ending.pending()} onClick={() => void ending.run(m.id)}>
                      {zhAgent.end}
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </StaffTable>
      </Show>
    </>
  );
}

import { createAsync, revalidate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { getAlerts } from './data';
import { chinaDateTime } from './format';

/** 知道了: acknowledges an alarm (audited), then reads the open ones again. */
const acknowledgeAlert = write('staff.acknowledgeAlert', async (alertId: string) => {
  await api.admin.acknowledgeAlert.mutate({ alertId });
  await revalidate(getAlerts.key);
});

/** Administrators' banner of open alarms, on every desk page, each with 知道了 (acknowledged and audited). */
export function AlertsBanner() {
  const alerts = createAsync(() => getAlerts().catch(() => []));
  const acknowledgement = useWrite(acknowledgeAlert);
  const busy = () => (acknowledgement.pending() ? acknowledgement.last()!.input[0] : null);
  const failed = () => acknowledgement.problem() !== undefined;
  const acknowledge = (alertId: string) => acknowledgement.run(alertId);
  return (
    <Show when={(alerts() ?? []).length > 0}>
      <section class="staff-alerts" role="alert" aria-label={zhStaff.alerts.title}>
        <For each={alerts()}>
          {(alert) => (
            <div class="staff-alert">
              <div class="staff-alert-text">
                <strong>{zhStaff.alerts.title}</strong>
                <span>{alert.message}</span>
                <span class="staff-alert-time">
                  {zhStaff.alerts.raisedAt} {chinaDateTime(alert.raisedAt)}
                </span>
              </div>
              <button type="button" class="staff-button" disabled={busy() === alert.id} onClick={() => void acknowledge(alert.id)}>
                {busy() === alert.id ? zhStaff.alerts.acknowledging : zhStaff.alerts.acknowledge}
              </button>
            </div>
          )}
        </For>
        <Show when={failed()}>
          <p class="staff-field-error">{zhStaff.alerts.failed}</p>
        </Show>
      </section>
    </Show>
  );
}

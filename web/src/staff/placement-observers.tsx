import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { commitmentOf } from '../../../src/domain/placement/lottery';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import type { RouterOutputs } from '../lib/trpc';
import { useWrite } from '../lib/write';
import { StaffTable } from './admin-page';
import { chinaDateTime } from './format';
import { getObservers, recordCommitment, revealContribution } from './placement-data';
import { PlacementPanel } from './placement-panel';
import { WriteProblem } from './write-problem';
import { StaffField } from './staff-field';

type Observers = RouterOutputs['admin']['placement']['observers'];

/** 摇号监督人: their commitments and reveals, the form to record one while registration is open, reveals after the close. */
export function ObserversSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const observers = createAsync(() => getObservers(props.seasonId));
  return (
    <PlacementPanel id="placement-observers" title={t.observers}>
      <Show when={observers()}>
        {(o) => (
          <>
            <p class="staff-muted">{t.phase[o().phase]}</p>
            <Show when={o().observers.length} fallback={<p>{t.none}</p>}>
              <StaffTable columns={Object.values(t.columns)}>
                <For each={o().observers}>
                  {(observer) => (
                    <tr>
                      <td>{observer.name}</td>
                      <td>{observer.role}</td>
                      <td class="placement-hash">{observer.commitment}</td>
                      <td class="staff-nowrap">{chinaDateTime(observer.committedAt)}</td>
                      <td>
                        <Show
                          when={observer.contribution}
                          fallback={
                            <Show when={o().phase === 'revealing'} fallback={t.notRevealed}>
                              <RevealForm observer={observer} onDone={props.onDone} />
                            </Show>
                          }
                        >
                          {(c) => <span class="placement-hash">{c()}</span>}
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </StaffTable>
            </Show>
            <Show when={o().phase === 'committing'}>
              <CommitForm seasonId={props.seasonId} onDone={props.onDone} />
            </Show>
          </>
        )}
      </Show>
    </PlacementPanel>
  );
}

function CommitForm(props: { seasonId: string; onDone: (message: string) => void }) {
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal('');
  const [secret, setSecret] = createSignal('');
  const commitment = createAsync(async () => (secret() ? commitmentOf(secret()) : ''));
  const saving = useWrite(recordCommitment);
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await saving.run({ seasonId: props.seasonId, name: name(), role: role(), commitment: commitment() ?? '' });
    if (done?.ok) {
      props.onDone(t.committed(name()));
      setSecret('');
    }
  };
  return (
    <form class="staff-form" onSubmit={(e) => void save(e)} aria-label={t.commit}>
      <StaffField id="observer-name" label={t.name} error={saving.problem()?.fields.name}>
        <input id="observer-name" class="staff-input" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </StaffField>
      <StaffField id="observer-role" label={t.role} error={saving.problem()?.fields.role}>
        <input id="observer-role" class="staff-input" value={role()} onInput={(e) => setRole(e.currentTarget.value)} />
      </StaffField>
      <StaffField id="observer-secret" label={t.secret}>
        <input
          id="observer-secret"
          class="staff-input"
          type="password"
          autocomplete="off"
          value={secret()}
          onInput={(e) => setSecret(e.currentTarget.value)}
        />
      </StaffField>
      <p class="staff-muted">
        {t.commitment}：<span class="placement-hash">{commitment()}</span>
      </p>
      <WriteProblem problem={saving.problem()} />
      <button type="submit" class="staff-button staff-button-primary" disabled={saving.pending() || !commitment()}>
        {t.commit}
      </button>
    </form>
  );
}

function RevealForm(props: { observer: Observers['observers'][number]; onDone: (message: string) => void }) {
  const [contribution, setContribution] = createSignal('');
  const saving = useWrite(revealContribution, ([input]) => input.observerId === props.observer.id);
  const id = `reveal-${props.observer.id}`;
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await saving.run({ observerId: props.observer.id, contribution: contribution() });
    if (done?.ok) props.onDone(t.revealed(props.observer.name));
  };
  return (
    <form class="placement-reveal" onSubmit={(e) => void save(e)}>
      <StaffField id={id} label={t.revealFor(props.observer.name)} error={saving.problem()?.message}>
        <input id={id} class="staff-input" value={contribution()} onInput={(e) => setContribution(e.currentTarget.value)} />
      </StaffField>
      <button type="submit" class="staff-button" disabled={saving.pending() || !contribution()}>
        {t.reveal}
      </button>
    </form>
  );
}

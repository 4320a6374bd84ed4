import { createSignal, For, Show } from 'solid-js';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import type { RouterOutputs } from '../lib/trpc';
import { PlacementPanel } from './placement-panel';
import { WriteProblem } from './write-problem';
import { useWrite } from '../lib/write';
import { StaffTable } from './admin-page';
import { dryRun } from './placement-data';
import { PlaceColumnPicker, usePlaceColumn } from './place-column-picker';

type DryRun = RouterOutputs['admin']['placement']['dryRun'];

/** 模拟派位 of one entry and grade, both mechanisms side by side. */
export function DryRunSection(props: { seasonId: string }) {
  const picked = usePlaceColumn(() => props.seasonId);
  const running = useWrite(dryRun);
  const [outcome, setOutcome] = createSignal<DryRun>();
  const chosen = picked.chosen;
  const run = async (event: SubmitEvent) => {
    event.preventDefault();
    const c = chosen();
    if (!c) return;
    const done = await running.run({ seasonId: props.seasonId, entryId: c.entryId, grade: c.grade });
    if (done?.ok) setOutcome(done.value);
  };
  return (
    <PlacementPanel id="placement-dry-run" title={t.dryRun} hint={t.dryRunHint}>
      <form class="staff-form" onSubmit={(e) => void run(e)}>
        <PlaceColumnPicker id="dry-run-column" picked={picked} />
        <WriteProblem problem={running.problem()} />
        <button type="submit" class="staff-button staff-button-primary" disabled={running.pending() || !chosen()}>
          {running.pending() ? t.running : t.runDry}
        </button>
      </form>
      <Show when={outcome()}>
        {(o) => (
          <>
            <p role="status">
              {t.dryDone(o().applicants, o().differ, o().betterUnderDeferredAcceptance, o().betterUnderImmediateAcceptance)}
            </p>
            <For each={o().results}>
              {(result) => (
                <section aria-label={t.mechanismShort[result.mechanism]}>
                  <h3 class="staff-section-title">
                    {t.mechanismShort[result.mechanism]} · {t.unplacedTotal(result.unplaced)}
                  </h3>
                  <StaffTable columns={Object.values(t.dryColumns)}>
                    <For each={result.schools}>
                      {(s) => (
                        <tr>
                          <td>{s.name}</td>
                          <td>{s.seats}</td>
                          <td>
                            {s.applicantsPerTier
                              .filter((x) => x.firstChoice > 0)
                              .map((x) => t.tierCount(x.tier, x.firstChoice))
                              .join('，')}
                          </td>
                          <td>{s.admitted}</td>
                          <td>{s.cutoff ? `${t.tier(s.cutoff.tier)} / ${s.cutoff.lottery.slice(0, 8)}…` : t.notFull}</td>
                          <td>{s.unplaced}</td>
                        </tr>
                      )}
                    </For>
                  </StaffTable>
                </section>
              )}
            </For>
          </>
        )}
      </Show>
    </PlacementPanel>
  );
}

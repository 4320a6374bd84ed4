import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, createSignal, For, Index, on, Show } from 'solid-js';
import type { Tier } from '../../../src/domain/placement/tiers';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import { useWrite } from '../lib/write';
import { getSeasonChannels } from './channels-data';
import { getPlacementRules, saveRules } from './placement-data';
import { PlacementPanel } from './placement-panel';
import { StaffField } from './staff-field';

type Choice = 'either' | 'yes' | 'no';

const choiceOf = (value: boolean | undefined): Choice => (value === undefined ? 'either' : value ? 'yes' : 'no');

const conditionOf = (choice: Choice) => (choice === 'either' ? undefined : choice === 'yes');

/** 录取顺位 and the mechanism of a season, edited as a whole and saved naming their version. */
export function RulesForm(props: { seasonId: string; onDone: (message: string) => void }) {
  const rules = createAsync(() => getPlacementRules(props.seasonId));
  const catalog = createAsync(() => getSeasonChannels(props.seasonId));
  const channelNames = () => {
    const names = new Map<string, string>();
    for (const entry of catalog()?.entries ?? [])
      for (const track of entry.tracks) for (const ch of track.channels) if (!names.has(ch.code)) names.set(ch.code, ch.name);
    return [...names];
  };
  const [tiers, setTiers] = createSignal<Tier[]>([]);
  const [mechanism, setMechanism] = createSignal<'da' | 'ia'>('da');
  const [lockYears, setLockYears] = createSignal('6');
  createEffect(
    on(rules, (r) => {
      if (!r) return;
      setTiers([...(r.tiers ?? [])]);
      setMechanism(r.mechanism);
      setLockYears(String(r.propertyLockYears));
    }),
  );
  const saving = useWrite(saveRules);
  const change = (i: number, tier: Tier) => setTiers((all) => all.map((x, j) => (j === i ? tier : x)));
  const move = (i: number) => setTiers((all) => [...all.slice(0, i - 1), all[i]!, all[i - 1]!, ...all.slice(i + 1)]);
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await saving.run({
      seasonId: props.seasonId,
      version: rules()!.version,
      tiers: tiers(),
      mechanism: mechanism(),
      propertyLockYears: lockYears().trim() === '' ? Number.NaN : Number(lockYears()),
    });
    if (done?.ok) props.onDone(t.saved);
  };
  return (
    <PlacementPanel id="placement-rules" title={t.rules}>
      <form class="staff-form" onSubmit={(e) => void save(e)}>
        <Index each={tiers()}>
          {(tier, i) => (
            <fieldset class="placement-tier">
              <legend>{t.tier(i + 1)}</legend>
              <StaffField id={`tier-${i}-label`} label={t.tierLabel(i + 1)}>
                <input
                  id={`tier-${i}-label`}
                  class="staff-input"
                  value={tier().label}
                  onInput={(e) => change(i, { ...tier(), label: e.currentTarget.value })}
                />
              </StaffField>
              <fieldset class="placement-channels">
                <legend>{t.channels}</legend>
                <For each={channelNames()}>
                  {([code, name]) => (
                    <label class="staff-check">
                      <input
                        type="checkbox"
                        checked={tier().rule.channels?.includes(code) ?? false}
                        onChange={(e) => {
                          const others = (tier().rule.channels ?? []).filter((c) => c !== code);
                          const channels = e.currentTarget.checked ? [...others, code] : others;
                          change(i, { ...tier(), rule: { ...tier().rule, channels: channels.length ? channels : undefined } });
                        }}
                      />
                      {name}
                    </label>
                  )}
                </For>
              </fieldset>
              <ChoiceField
                id={`tier-${i}-catchment`}
                label={t.catchment}
                value={choiceOf(tier().rule.inCatchment)}
                onChange={(c) => change(i, { ...tier(), rule: { ...tier().rule, inCatchment: conditionOf(c) } })}
              />
              <ChoiceField
                id={`tier-${i}-sibling`}
                label={t.sibling}
                value={choiceOf(tier().rule.sibling)}
                onChange={(c) => change(i, { ...tier(), rule: { ...tier().rule, sibling: conditionOf(c) } })}
              />
              <div class="pages-actions">
                <Show when={i > 0}>
                  <button type="button" class="staff-button" onClick={() => move(i)}>
                    {t.up(i + 1)}
                  </button>
                </Show>
                <button type="button" class="staff-button" onClick={() => setTiers((all) => all.filter((_, j) => j !== i))}>
                  {t.removeTier(i + 1)}
                </button>
              </div>
            </fieldset>
          )}
        </Index>
        <button type="button" class="staff-button" onClick={() => setTiers((all) => [...all, { label: '', rule: {} }])}>
          {t.addTier}
        </button>
        <StaffField id="placement-mechanism" label={t.mechanism}>
          <select
            id="placement-mechanism"
            class="staff-select"
            value={mechanism()}
            onChange={(e) => setMechanism(e.currentTarget.value as 'da' | 'ia')}
          >
            <option value="da">{t.mechanisms.da}</option>
            <option value="ia">{t.mechanisms.ia}</option>
          </select>
        </StaffField>
        <StaffField id="placement-property-lock" label={t.propertyLockYears} hint={t.propertyLockHint}>
          <input
            id="placement-property-lock"
            class="staff-input"
            type="number"
            inputmode="numeric"
            min="0"
            max="12"
            step="1"
            aria-describedby="placement-property-lock-note"
            value={lockYears()}
            onInput={(e) => setLockYears(e.currentTarget.value)}
          />
        </StaffField>
        <Show when={saving.problem()}>
          {(p) => (
            <p class="staff-form-error" role="alert">
              {p().message}
              <Show when={p().code === 'CONFLICT'}>
                {' '}
                <button type="button" class="staff-button" onClick={() => void revalidate(getPlacementRules.key)}>
                  {t.reload}
                </button>
              </Show>
            </p>
          )}
        </Show>
        <button type="submit" class="staff-button staff-button-primary" disabled={saving.pending() || !rules()}>
          {saving.pending() ? t.saving : t.save}
        </button>
      </form>
    </PlacementPanel>
  );
}

function ChoiceField(props: { id: string; label: string; value: Choice; onChange: (choice: Choice) => void }) {
  return (
    <StaffField id={props.id} label={props.label}>
      <select id={props.id} class="staff-select" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as Choice)}>
        <option value="either">{t.either}</option>
        <option value="yes">{t.yes}</option>
        <option value="no">{t.no}</option>
      </select>
    </StaffField>
  );
}

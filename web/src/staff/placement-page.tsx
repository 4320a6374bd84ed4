import { createAsync, revalidate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, Index, on, Show } from 'solid-js';
import { commitmentOf } from '../../../src/domain/placement/lottery';
import type { Tier } from '../../../src/domain/placement/tiers';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import type { RouterOutputs } from '../lib/trpc';
import { useWrite } from '../lib/write';
import { AdminPage, StaffTable } from './admin-page';
import { getSeasonChannels } from './channels-data';
import { chinaDateTime } from './format';
import {
  assignSchool,
  decideObjection,
  drawPlacement,
  dryRun,
  getDraws,
  getObjections,
  getObservers,
  getPlacementRules,
  getSeasonSchoolList,
  getSeatDemand,
  getUnplaced,
  publishResults,
  publishDemandNotice,
  recordCommitment,
  revealContribution,
  saveRules,
} from './placement-data';
import { PlaceColumnPicker, placeColumnLabel, usePlaceColumn } from './place-column-picker';
import { getAdminSeasons } from './seasons-data';
import { StaffField } from './staff-field';

type Observers = RouterOutputs['admin']['placement']['observers'];
type Choice = 'either' | 'yes' | 'no';
const choiceOf = (value: boolean | undefined): Choice => (value === undefined ? 'either' : value ? 'yes' : 'no');
const conditionOf = (choice: Choice) => (choice === 'either' ? undefined : choice === 'yes');

/** `/staff/admin/placement` (admin): a season's tiers and mechanism, and its lottery's observers. */
export function PlacementPage() {
  const [search, setSearch] = useSearchParams<{ season?: string }>();
  const seasons = createAsync(() => getAdminSeasons());
  const seasonId = () => search.season ?? seasons()?.[0]?.id;
  const [notice, setNotice] = createSignal<string>();
  return (
    <AdminPage title={t.title} hint={t.hint} notice={notice()}>
      <StaffField id="placement-season" label={t.season}>
        <select
          id="placement-season"
          class="staff-select"
          value={seasonId()}
          onChange={(e) => {
            setNotice(undefined);
            setSearch({ season: e.currentTarget.value });
          }}
        >
          <For each={seasons() ?? []}>{(s) => <option value={s.id}>{`${s.region} · ${s.name}`}</option>}</For>
        </select>
      </StaffField>
      <Show when={seasonId()} keyed>
        {(id) => (
          <>
            <RulesForm seasonId={id} onDone={setNotice} />
            <ObserversSection seasonId={id} onDone={setNotice} />
            <DemandSection seasonId={id} onDone={setNotice} />
            <DryRunSection seasonId={id} />
            <DrawSection seasonId={id} onDone={setNotice} />
            <ObjectionsSection seasonId={id} onDone={setNotice} />
            <UnplacedSection seasonId={id} onDone={setNotice} />
          </>
        )}
      </Show>
    </AdminPage>
  );
}

function RulesForm(props: { seasonId: string; onDone: (message: string) => void }) {
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
  createEffect(
    on(rules, (r) => {
      if (!r) return;
      setTiers([...(r.tiers ?? [])]);
      setMechanism(r.mechanism);
    }),
  );
  const saving = useWrite(saveRules);
  const change = (i: number, tier: Tier) => setTiers((all) => all.map((x, j) => (j === i ? tier : x)));
  const move = (i: number) => setTiers((all) => [...all.slice(0, i - 1), all[i]!, all[i - 1]!, ...all.slice(i + 1)]);
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await saving.run({ seasonId: props.seasonId, version: rules()!.version, tiers: tiers(), mechanism: mechanism() });
    if (done?.ok) props.onDone(t.saved);
  };
  return (
    <section class="staff-panel" aria-labelledby="placement-rules">
      <h2 id="placement-rules" class="staff-section-title">
        {t.rules}
      </h2>
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
    </section>
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

function ObserversSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const observers = createAsync(() => getObservers(props.seasonId));
  return (
    <section class="staff-panel" aria-labelledby="placement-observers">
      <h2 id="placement-observers" class="staff-section-title">
        {t.observers}
      </h2>
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
    </section>
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
      <Show when={saving.problem()}>
        {(p) => (
          <p class="staff-form-error" role="alert">
            {p().message}
          </p>
        )}
      </Show>
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

type DryRun = RouterOutputs['admin']['placement']['dryRun'];

function DryRunSection(props: { seasonId: string }) {
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
    <section class="staff-panel" aria-labelledby="placement-dry-run">
      <h2 id="placement-dry-run" class="staff-section-title">
        {t.dryRun}
      </h2>
      <p class="staff-muted">{t.dryRunHint}</p>
      <form class="staff-form" onSubmit={(e) => void run(e)}>
        <PlaceColumnPicker id="dry-run-column" picked={picked} />
        <Show when={running.problem()}>
          {(p) => (
            <p class="staff-form-error" role="alert">
              {p().message}
            </p>
          )}
        </Show>
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
    </section>
  );
}

type Demand = RouterOutputs['admin']['placement']['seatDemand']['schools'][number];

function DemandSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const picked = usePlaceColumn(() => props.seasonId);
  const chosen = picked.chosen;
  const demand = createAsync(async () => {
    const c = chosen();
    return c ? getSeatDemand(props.seasonId, c.entryId, c.grade) : undefined;
  });
  return (
    <section class="staff-panel" aria-labelledby="placement-demand">
      <h2 id="placement-demand" class="staff-section-title">
        {t.demand}
      </h2>
      <p class="staff-muted">{t.demandHint}</p>
      <PlaceColumnPicker id="demand-column" picked={picked} />
      <Show when={demand()}>
        {(d) => (
          <StaffTable columns={Object.values(t.demandColumns)}>
            <For each={d().schools}>
              {(school) => (
                <tr>
                  <td>{school.name}</td>
                  <td>{school.seats}</td>
                  <td>{school.firstChoices}</td>
                  <td>{school.firstChoicesPerTier.map((x) => t.tierCount(x.tier, x.count)).join('，')}</td>
                  <td>
                    <span class={`demand-level demand-${school.level}`}>{t.levels[school.level]}</span>
                  </td>
                  <td>
                    <NoticeForm seasonId={props.seasonId} school={school} onDone={props.onDone} />
                  </td>
                </tr>
              )}
            </For>
          </StaffTable>
        )}
      </Show>
    </section>
  );
}

function NoticeForm(props: { seasonId: string; school: Demand; onDone: (message: string) => void }) {
  const [text, setText] = createSignal(props.school.notice ?? t.defaultNotice(props.school.firstChoices, props.school.seats));
  const saving = useWrite(publishDemandNotice, ([input]) => input.schoolId === props.school.schoolId);
  const id = `demand-${props.school.schoolId}`;
  const send = async (notice: string | null) => {
    const done = await saving.run({ seasonId: props.seasonId, schoolId: props.school.schoolId, version: props.school.version, notice });
    if (done?.ok) props.onDone(notice ? t.published(props.school.name) : t.withdrawn(props.school.name));
  };
  return (
    <form
      class="placement-reveal"
      onSubmit={(e) => {
        e.preventDefault();
        void send(text());
      }}
    >
      <StaffField id={id} label={t.noticeFor(props.school.name)} error={saving.problem()?.message}>
        <textarea id={id} class="staff-input" rows={2} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      </StaffField>
      <button type="submit" class="staff-button" disabled={saving.pending()}>
        {t.publish}
      </button>
      <Show when={props.school.notice}>
        <button type="button" class="staff-button" disabled={saving.pending()} onClick={() => void send(null)}>
          {t.withdraw}
        </button>
      </Show>
    </form>
  );
}

function DrawSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const picked = usePlaceColumn(() => props.seasonId);
  const draws = createAsync(() => getDraws(props.seasonId));
  const [confirming, setConfirming] = createSignal(false);
  const drawing = useWrite(drawPlacement);
  const { chosen, labelOf } = picked;
  const label = placeColumnLabel;
  const run = async () => {
    const c = chosen();
    if (!c) return;
    setConfirming(false);
    const done = await drawing.run({ seasonId: props.seasonId, entryId: c.entryId, grade: c.grade });
    if (done?.ok) props.onDone(t.drawn(label(c), done.value.applicants, done.value.unplaced));
  };
  return (
    <section class="staff-panel" aria-labelledby="placement-draw">
      <h2 id="placement-draw" class="staff-section-title">
        {t.draw}
      </h2>
      <p class="staff-muted">{t.drawHint}</p>
      <PlaceColumnPicker id="draw-column" picked={picked} />
      <Show when={drawing.problem()}>
        {(p) => (
          <p class="staff-form-error" role="alert">
            {p().message}
          </p>
        )}
      </Show>
      <Show
        when={confirming()}
        fallback={
          <button
            type="button"
            class="staff-button staff-button-primary"
            disabled={drawing.pending() || !chosen()}
            onClick={() => setConfirming(true)}
          >
            {drawing.pending() ? t.drawing : t.runDraw}
          </button>
        }
      >
        <button type="button" class="staff-button staff-button-primary" onClick={() => void run()}>
          {t.confirmDraw(chosen() ? label(chosen()!) : '')}
        </button>
      </Show>
      <Show when={draws()?.length}>
        <StaffTable columns={Object.values(t.drawsColumns)}>
          <For each={draws()}>
            {(d) => (
              <tr>
                <td>{labelOf(d.entryId, d.grade)}</td>
                <td class="staff-nowrap">{chinaDateTime(d.drawnAt)}</td>
                <td>
                  {d.applicants} / {d.unplaced}
                </td>
                <td class="placement-hash">{d.seed}</td>
                <td>
                  <Show when={d.publishedAt} fallback={<PublishButton drawId={d.id} onDone={props.onDone} />}>
                    {(at) => t.resultsPublished(chinaDateTime(at()))}
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </StaffTable>
      </Show>
    </section>
  );
}

function PublishButton(props: { drawId: string; onDone: (message: string) => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const publishing = useWrite(publishResults, ([input]) => input.drawId === props.drawId);
  const run = async () => {
    setConfirming(false);
    const done = await publishing.run({ drawId: props.drawId });
    if (done?.ok) props.onDone(t.publishedNow(done.value.notified));
  };
  return (
    <>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="staff-button" disabled={publishing.pending()} onClick={() => setConfirming(true)}>
            {t.publishResults}
          </button>
        }
      >
        <button type="button" class="staff-button staff-button-primary" onClick={() => void run()}>
          {t.confirmPublish}
        </button>
      </Show>
      <Show when={publishing.problem()}>
        {(p) => (
          <p class="staff-form-error" role="alert">
            {p().message}
          </p>
        )}
      </Show>
    </>
  );
}

type Objection = RouterOutputs['admin']['placement']['objections'][number];

function ObjectionsSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const list = createAsync(() => getObjections(props.seasonId));
  return (
    <section class="staff-panel" aria-labelledby="placement-objections">
      <h2 id="placement-objections" class="staff-section-title">
        {t.objections}
      </h2>
      <p class="staff-muted">{t.objectionsHint}</p>
      <Show when={list()?.length} fallback={<p>{t.objectionsNone}</p>}>
        <StaffTable columns={Object.values(t.objectionColumns)}>
          <For each={list()}>
            {(o) => (
              <tr>
                <td>{o.number}</td>
                <td>{o.child}</td>
                <td>{o.school ?? t.unplacedSchool}</td>
                <td>{o.reason}</td>
                <td>{t.objectionStates[o.status]}</td>
                <td>
                  <Show when={o.status === 'open'} fallback={o.decision}>
                    <DecideForm seasonId={props.seasonId} objection={o} onDone={props.onDone} />
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </StaffTable>
      </Show>
    </section>
  );
}

function DecideForm(props: { seasonId: string; objection: Objection; onDone: (message: string) => void }) {
  const schoolsOfSeason = createAsync(() => getSeasonSchoolList(props.seasonId));
  const [outcome, setOutcome] = createSignal<'upheld' | 'dismissed'>('dismissed');
  const [reason, setReason] = createSignal('');
  const [schoolId, setSchoolId] = createSignal('');
  const deciding = useWrite(decideObjection, ([input]) => input.objectionId === props.objection.id);
  const id = (part: string) => `objection-${props.objection.id}-${part}`;
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await deciding.run({
      objectionId: props.objection.id,
      outcome: outcome(),
      reason: reason(),
      schoolId: outcome() === 'upheld' && schoolId() ? schoolId() : null,
    });
    if (done?.ok) props.onDone(t.decided(props.objection.number));
  };
  return (
    <form class="staff-form" onSubmit={(e) => void save(e)}>
      <StaffField id={id('outcome')} label={t.outcome}>
        <select
          id={id('outcome')}
          class="staff-select"
          value={outcome()}
          onChange={(e) => setOutcome(e.currentTarget.value as 'upheld' | 'dismissed')}
        >
          <option value="dismissed">{t.dismiss}</option>
          <option value="upheld">{t.uphold}</option>
        </select>
      </StaffField>
      <Show when={outcome() === 'upheld'}>
        <StaffField id={id('school')} label={t.moveTo}>
          <select id={id('school')} class="staff-select" value={schoolId()} onChange={(e) => setSchoolId(e.currentTarget.value)}>
            <option value="">{t.unchanged}</option>
            <For each={schoolsOfSeason() ?? []}>{(s) => <option value={s.schoolId}>{s.name}</option>}</For>
          </select>
        </StaffField>
      </Show>
      <StaffField id={id('reason')} label={t.decisionReason(props.objection.number)} error={deciding.problem()?.fields.reason}>
        <input id={id('reason')} class="staff-input" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
      </StaffField>
      <Show when={deciding.problem()}>
        {(p) => (
          <p class="staff-form-error" role="alert">
            {p().message}
          </p>
        )}
      </Show>
      <button type="submit" class="staff-button staff-button-primary" disabled={deciding.pending()}>
        {t.decide}
      </button>
    </form>
  );
}

type Unplaced = RouterOutputs['admin']['placement']['unplaced'][number];

function UnplacedSection(props: { seasonId: string; onDone: (message: string) => void }) {
  const list = createAsync(() => getUnplaced(props.seasonId));
  return (
    <section class="staff-panel" aria-labelledby="placement-unplaced">
      <h2 id="placement-unplaced" class="staff-section-title">
        {t.unplaced}
      </h2>
      <p class="staff-muted">{t.unplacedHint}</p>
      <Show when={list()?.length} fallback={<p>{t.unplacedNone}</p>}>
        <StaffTable columns={Object.values(t.unplacedColumns)}>
          <For each={list()}>
            {(u) => (
              <tr>
                <td>{u.number}</td>
                <td>{u.child}</td>
                <td>{u.community}</td>
                <td>
                  <AssignForm unplaced={u} onDone={props.onDone} />
                </td>
              </tr>
            )}
          </For>
        </StaffTable>
      </Show>
    </section>
  );
}

function AssignForm(props: { unplaced: Unplaced; onDone: (message: string) => void }) {
  const [schoolId, setSchoolId] = createSignal(props.unplaced.suggestions[0]?.schoolId ?? '');
  const assigning = useWrite(assignSchool, ([input]) => input.applicationId === props.unplaced.applicationId);
  const id = `assign-${props.unplaced.applicationId}`;
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await assigning.run({ drawId: props.unplaced.drawId, applicationId: props.unplaced.applicationId, schoolId: schoolId() });
    if (done?.ok) props.onDone(t.assigned(props.unplaced.number, done.value.school));
  };
  return (
    <form class="placement-reveal" onSubmit={(e) => void save(e)}>
      <StaffField id={id} label={t.assignTo(props.unplaced.number)} error={assigning.problem()?.message}>
        <select id={id} class="staff-select" value={schoolId()} onChange={(e) => setSchoolId(e.currentTarget.value)}>
          <For each={props.unplaced.suggestions}>
            {(s) => <option value={s.schoolId}>{t.suggestion(s.name, s.left, s.servesCommunity)}</option>}
          </For>
        </select>
      </StaffField>
      <button type="submit" class="staff-button staff-button-primary" disabled={assigning.pending() || !schoolId()}>
        {t.assign}
      </button>
    </form>
  );
}

import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import type { StaffCatalog } from './data';
import { type QueueSearch, queueStatuses, verificationResults } from './url-state';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

type Draft = {
  entry: string;
  channel: string;
  status: string;
  school: string;
  from: string;
  to: string;
  q: string;
  verification: string;
  resubmitted: string;
  locked: string;
};
const cleared: Draft = {
  entry: '',
  channel: '',
  status: '',
  school: '',
  from: '',
  to: '',
  q: '',
  verification: '',
  resubmitted: '',
  locked: '',
};

/**
 * 筛选: entry, channel, status, school, submitted between, number or name. The fields are a draft until 查询 (or
 * Enter in any of them); then they go into the address and the queue reads them from there.
 */
export function QueueFilters(props: {
  search: QueueSearch;
  catalog: StaffCatalog | undefined;
  onApply: (next: Record<string, string | undefined>) => void;
}) {
  const fromSearch = (): Draft => ({
    entry: one(props.search.entry),
    channel: one(props.search.channel),
    status: one(props.search.status),
    school: one(props.search.school),
    from: one(props.search.from),
    to: one(props.search.to),
    q: one(props.search.q),
    verification: one(props.search.verification),
    resubmitted: one(props.search.resubmitted) === '1' ? '1' : '',
    locked: one(props.search.locked) === '1' ? '1' : '',
  });
  const [draft, setDraft] = createSignal<Draft>(fromSearch());
  // The address changed elsewhere (a count clicked, back button): the fields follow it.
  createEffect(on(fromSearch, (d) => setDraft(d), { defer: true }));
  const set = (key: keyof Draft, value: string) => setDraft({ ...draft(), [key]: value });

  const channels = () => {
    const entries = props.catalog?.entries ?? [];
    const chosen = draft().entry;
    return chosen ? entries.filter((e) => e.id === chosen) : entries;
  };
  const schoolsOf = (level: string) => (props.catalog?.schools ?? []).filter((s) => s.level === level);

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const d = draft();
    // A channel of another entry would match nothing: drop it.
    const channelFits = !d.channel || channels().some((e) => e.channels.some((c) => c.id === d.channel));
    props.onApply({
      entry: d.entry || undefined,
      channel: channelFits ? d.channel || undefined : undefined,
      status: d.status || undefined,
      school: d.school || undefined,
      from: d.from || undefined,
      to: d.to || undefined,
      q: d.q.trim() || undefined,
      verification: d.verification || undefined,
      resubmitted: d.resubmitted || undefined,
      locked: d.locked || undefined,
    });
  };
  const reset = () => {
    setDraft(cleared);
    props.onApply({
      entry: undefined,
      channel: undefined,
      status: undefined,
      school: undefined,
      from: undefined,
      to: undefined,
      q: undefined,
      verification: undefined,
      resubmitted: undefined,
      locked: undefined,
    });
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: role=search on the form itself; staff browsers older than Chromium 118 have no <search> element
    <form class="staff-panel staff-filters" onSubmit={apply} role="search" aria-label={zhStaff.queue.filters}>
      <div class="staff-filter staff-filter-q">
        <label for="f-q">{zhStaff.queue.q}</label>
        <input
          id="f-q"
          class="staff-input"
          type="search"
          maxlength="40"
          placeholder={zhStaff.queue.qPlaceholder}
          value={draft().q}
          onInput={(e) => set('q', e.currentTarget.value)}
        />
      </div>
      <div class="staff-filter">
        <label for="f-entry">{zhStaff.queue.entry}</label>
        <select id="f-entry" class="staff-select" value={draft().entry} onChange={(e) => set('entry', e.currentTarget.value)}>
          <option value="">{zhStaff.queue.any}</option>
          <For each={props.catalog?.entries ?? []}>
            {(e) => (
              <option value={e.id} selected={draft().entry === e.id}>
                {e.name}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="staff-filter">
        <label for="f-channel">{zhStaff.queue.channel}</label>
        <select id="f-channel" class="staff-select" value={draft().channel} onChange={(e) => set('channel', e.currentTarget.value)}>
          <option value="">{zhStaff.queue.any}</option>
          <For each={channels()}>
            {(e) => (
              <optgroup label={e.name}>
                <For each={e.channels}>
                  {(c) => (
                    <option value={c.id} selected={draft().channel === c.id}>
                      {c.name}
                    </option>
                  )}
                </For>
              </optgroup>
            )}
          </For>
        </select>
      </div>
      <div class="staff-filter">
        <label for="f-status">{zhStaff.queue.status}</label>
        <select id="f-status" class="staff-select" value={draft().status} onChange={(e) => set('status', e.currentTarget.value)}>
          <option value="">{zhStaff.queue.any}</option>
          <For each={queueStatuses}>
            {(s) => (
              <option value={s} selected={draft().status === s}>
                {zhStaff.statuses[s]}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="staff-filter">
        <label for="f-school">{zhStaff.queue.school}</label>
        <select id="f-school" class="staff-select" value={draft().school} onChange={(e) => set('school', e.currentTarget.value)}>
          <option value="">{zhStaff.queue.any}</option>
          <For each={['primary', 'junior']}>
            {(level) => (
              <Show when={schoolsOf(level).length > 0}>
                <optgroup label={level === 'primary' ? '小学' : '初中'}>
                  <For each={schoolsOf(level)}>
                    {(s) => (
                      <option value={s.id} selected={draft().school === s.id}>
                        {s.name}
                      </option>
                    )}
                  </For>
                </optgroup>
              </Show>
            )}
          </For>
        </select>
      </div>
      <div class="staff-filter">
        <label for="f-verification">{zhStaff.queue.verification}</label>
        <select
          id="f-verification"
          class="staff-select"
          value={draft().verification}
          onChange={(e) => set('verification', e.currentTarget.value)}
        >
          <option value="">{zhStaff.queue.all}</option>
          <For each={verificationResults}>
            {(r) => (
              <option value={r} selected={draft().verification === r}>
                {zhStaff.verification.results[r]}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="staff-filter staff-filter-check">
        <label class="staff-check-label">
          <input
            type="checkbox"
            checked={draft().resubmitted === '1'}
            onChange={(e) => set('resubmitted', e.currentTarget.checked ? '1' : '')}
          />
          {zhStaff.queue.resubmittedOnly}
        </label>
      </div>
      <div class="staff-filter staff-filter-check">
        <label class="staff-check-label">
          <input type="checkbox" checked={draft().locked === '1'} onChange={(e) => set('locked', e.currentTarget.checked ? '1' : '')} />
          {zhStaff.propertyLock.filter}
        </label>
      </div>
      <div class="staff-filter staff-filter-dates">
        <label for="f-from">{zhStaff.queue.from}</label>
        <span class="staff-date-range">
          <input id="f-from" class="staff-input" type="date" value={draft().from} onInput={(e) => set('from', e.currentTarget.value)} />
          <label for="f-to">{zhStaff.queue.to}</label>
          <input id="f-to" class="staff-input" type="date" value={draft().to} onInput={(e) => set('to', e.currentTarget.value)} />
        </span>
      </div>
      <div class="staff-filter-actions">
        <button type="submit" class="staff-button staff-button-primary">
          {zhStaff.queue.search}
        </button>
        <button type="button" class="staff-button" onClick={reset}>
          {zhStaff.queue.reset}
        </button>
      </div>
    </form>
  );
}

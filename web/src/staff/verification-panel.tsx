import { For, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { type Detail, refreshReview } from './data';
import { chinaDateTime } from './format';

const t = zhStaff.verification;
type Check = Detail['verification']['checks'][number];

/** 通过 / 不通过 / 需人工审核 / 查验中 as a coloured tag; `null` (nothing checked yet) as 未查验. */
export function VerificationTag(props: { result: string | null | undefined; mark?: boolean }) {
  const tone = () =>
    (({ pass: 'approved', fail: 'rejected', manual: 'warn', pending: 'info' }) as Record<string, string>)[props.result ?? ''] ?? 'neutral';
  const text = () => (props.result ? ((props.mark ? t.marks : t.results)[props.result] ?? props.result) : t.none);
  return (
    <span class={`staff-tag staff-verify-${tone()}`} data-result={props.result ?? 'none'}>
      {text()}
    </span>
  );
}

function word(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean' || typeof value === 'string') return t.valueWords[String(value)] ?? String(value);
  if (Array.isArray(value)) return value.length ? value.map(word).join('；') : '—';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${t.valueNames[k] ?? k} ${word(v)}`)
      .join('，');
  return String(value);
}

/** 重新查验 (audited), then reads the queue and the detail again. */
const recheckApplication = write('staff.recheck', async (applicationId: string) => {
  const answer = await api.review.recheck.mutate({ applicationId });
  await refreshReview();
  return answer;
});

/**
 * 系统查验 on the detail page: the worst result, each claim with ✓ / ✗ / 需人工审核 / 查验中, the summary, the record
 * values the result rests on (staff only, here only), the source and time; 重新查验 runs the checks again (audited).
 */
export function VerificationPanel(props: { detail: Detail }) {
  const v = () => props.detail.verification;
  const recheckRun = useWrite(recheckApplication, ([id]) => id === props.detail.id);
  const pending = recheckRun.pending;
  const done = () => {
    const answer = recheckRun.last()?.result;
    return answer && (t.rechecked[answer.outcome] ?? t.rechecked.done);
  };
  const error = () => recheckRun.problem()?.message;
  const overallShown = () => (v().pending && !v().overall ? 'pending' : v().overall);

  const recheck = () => recheckRun.run(props.detail.id);

  return (
    <section class="staff-panel staff-verification" aria-labelledby="verification-title">
      <div class="staff-verification-head">
        <h2 id="verification-title" class="staff-section-title">
          {t.title}
        </h2>
        <span class="staff-verification-overall">
          <span class="staff-muted">{t.overall}</span>
          <VerificationTag result={overallShown()} />
        </span>
        <span class="staff-toolbar-end">
          <button type="button" class="staff-button" disabled={pending()} onClick={() => void recheck()} title={t.recheckHint}>
            {pending() ? t.rechecking : t.recheck}
          </button>
        </span>
      </div>
      <p class="staff-muted">{t.hint}</p>
      {/* 审核条件已调整: the channel's cut-off or minimum months changed after submission, and the checks ran again. */}
      <For each={props.detail.criteriaNotes}>
        {(n) => (
          <p class="staff-notice staff-criteria-note">
            <span class="staff-muted">{chinaDateTime(n.at)}</span> {n.note}
          </p>
        )}
      </For>
      {/* 一房一位: another child's admission still holds this property (read now, so a released lock no longer shows). */}
      <Show when={props.detail.propertyLocks.length > 0}>
        <div class="staff-property-lock" role="note" aria-label={zhStaff.propertyLock.title}>
          <For each={props.detail.propertyLocks}>{(lock) => <p>{lock.text}</p>}</For>
        </div>
      </Show>
      <Show when={v().pending}>
        <p class="staff-verification-pending" role="status">
          {t.pendingNote}
          <Show when={v().lastError}>
            {(e) => (
              <span class="staff-muted">
                {' '}
                {t.lastError}：{e()}
              </span>
            )}
          </Show>
        </p>
      </Show>
      <Show when={done()}>
        <p class="staff-notice" role="status">
          {done()}
        </p>
      </Show>
      <Show when={error()}>
        <p class="staff-form-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={v().checks.length > 0} fallback={<p class="staff-empty">{t.noChecks}</p>}>
        <ul class="staff-checks">
          <For each={v().checks}>{(check) => <CheckRow check={check} />}</For>
        </ul>
      </Show>
    </section>
  );
}

function CheckRow(props: { check: Check }) {
  const c = () => props.check;
  const values = () => Object.entries((c().values ?? {}) as Record<string, unknown>);
  return (
    <li class={`staff-check staff-check-${c().result}`} data-claim={c().claim}>
      <div class="staff-check-head">
        <span class="staff-check-claim">{t.claims[c().claim] ?? c().claim}</span>
        <VerificationTag result={c().result} mark />
      </div>
      <p class="staff-check-summary">{c().summary}</p>
      <Show when={values().length > 0}>
        <dl class="staff-check-values">
          <For each={values()}>
            {([key, value]) => (
              <>
                <dt>{t.valueNames[key] ?? key}</dt>
                <dd>{word(value)}</dd>
              </>
            )}
          </For>
        </dl>
      </Show>
      <p class="staff-check-meta staff-muted">
        {t.source}：{t.sources[c().source] ?? c().source} · {t.checkedAt}：<span class="staff-mono">{chinaDateTime(c().checkedAt)}</span>
      </p>
    </li>
  );
}

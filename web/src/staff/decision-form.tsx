import { revalidate, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { type Detail, getDetail, refreshReview, type StaffMe } from './data';
import { nextInQueue, placeInQueue } from './next-in-queue';

type Action = 'approve' | 'reject' | 'schoolApprove' | 'schoolReject';

const labels: Record<Action, string> = {
  approve: zhStaff.decision.approve,
  reject: zhStaff.decision.reject,
  schoolApprove: zhStaff.decision.schoolApprove,
  schoolReject: zhStaff.decision.schoolReject,
};
const rejecting = (a: Action | undefined) => a === 'reject' || a === 'schoolReject';

/** What this member may decide on an application in this status (the server checks it again). */
function actionsFor(role: string, detail: Detail): Action[] {
  const status = detail.status;
  if (status === 'submitted' && (role === 'admin' || role === 'county_reviewer')) return ['approve', 'reject'];
  if (status === 'preliminarily_approved' && (role === 'admin' || role === 'school_reviewer') && detail.schoolDecisionAllowed) {
    return ['schoolApprove', 'schoolReject'];
  }
  return [];
}

type Faults = { fields: string[]; documents: string[] };

/** What 保存并下一条 decided, said once on the next application's page. */
const [carriedNotice, setCarriedNotice] = createSignal<string>();

/**
 * Sends the decision for the version seen (a rejection with the faults ticked), then reads the queue and the detail
 * again. With `andNext` (保存并下一条) it also answers which application of the queue comes next.
 */
const decide = write(
  'staff.decide',
  async (chosen: Action, input: { applicationId: string; version: number }, reason: string, faults: Faults, andNext: boolean) => {
    const place = andNext ? await placeInQueue(input.applicationId) : null;
    const answer = rejecting(chosen)
      ? await api.review[chosen as 'reject' | 'schoolReject'].mutate({ ...input, reason, faults })
      : await api.review[chosen as 'approve' | 'schoolApprove'].mutate(input);
    await refreshReview();
    return { ...answer, next: place ? await nextInQueue(place, input.applicationId) : undefined };
  },
);

/**
 * 审核意见 by role: the county (and admins) 初审通过 / 驳回, a school reviewer 学校审核通过 / 学校驳回 after 初审通过. A
 * rejection needs a reason, picked from the templates or typed. The version the reviewer saw goes with the decision:
 * if someone else decided first, the server answers 该申请已被他人处理 and nothing changes.
 */
export function DecisionForm(props: { detail: Detail; me: StaffMe }) {
  const actions = () => actionsFor(props.me.role, props.detail);
  const [action, setAction] = createSignal<Action>();
  const [reason, setReason] = createSignal('');
  const decision = useWrite(decide);
  const pending = decision.pending;
  const [reasonError, setReasonError] = createSignal<string>();
  /** A choice still to make, said before anything is sent. */
  const [unchosen, setUnchosen] = createSignal(false);
  const error = () => {
    if (unchosen()) return { message: zhStaff.decision.pickAction, conflict: false };
    const p = decision.problem();
    return p && !p.fields.reason ? { message: p.message, conflict: p.code === 'CONFLICT' } : undefined;
  };
  const clearError = () => {
    setUnchosen(false);
    decision.clear();
  };
  const [done, setDone] = createSignal<string | undefined>(carriedNotice());
  setCarriedNotice(undefined);
  const [faultFields, setFaultFields] = createSignal<string[]>([]);
  const [faultDocuments, setFaultDocuments] = createSignal<string[]>([]);
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));
  const navigate = useNavigate();
  let reasonBox: HTMLTextAreaElement | undefined;

  // A new version on screen (after a refresh): the choice made for the old one no longer applies.
  createEffect(
    on(
      () => props.detail.version,
      () => {
        setAction(undefined);
        setReasonError(undefined);
        setFaultFields([]);
        setFaultDocuments([]);
      },
      { defer: true },
    ),
  );

  const useTemplate = (text: string) => {
    if (!text) return;
    setReason(reason().trim() ? `${reason().trim()}；${text}` : text);
    setReasonError(undefined);
    reasonBox?.focus();
  };

  const submit = async (event?: Event, andNext = false) => {
    event?.preventDefault();
    const chosen = action();
    if (pending()) return;
    clearError();
    setReasonError(undefined);
    if (!chosen) {
      setUnchosen(true);
      return;
    }
    if (rejecting(chosen) && reason().trim().length < 2) {
      setReasonError('驳回须填写原因');
      reasonBox?.focus();
      return;
    }
    const faults = rejecting(chosen) ? { fields: faultFields(), documents: faultDocuments() } : { fields: [], documents: [] };
    const sent = await decision.run(
      chosen,
      { applicationId: props.detail.id, version: props.detail.version },
      reason().trim(),
      faults,
      andNext,
    );
    if (sent?.ok) {
      setReason('');
      setFaultFields([]);
      setFaultDocuments([]);
      const next = sent.value.next;
      if (next) {
        setCarriedNotice(zhStaff.decision.previousDone(sent.value.number, sent.value.statusName));
        navigate(`/staff/applications/${encodeURIComponent(next)}`);
      } else setDone(`${zhStaff.decision.done(sent.value.statusName)}${next === null ? zhStaff.decision.noNext : ''}`);
    } else if (sent?.problem.fields.reason) {
      setReasonError(sent.problem.fields.reason);
      reasonBox?.focus();
    }
  };

  const reload = async () => {
    clearError();
    await revalidate(getDetail.keyFor(props.detail.id));
  };

  /** Approving with system checks that failed, need a person, or have not run yet: say which, before the click. */
  const checksToLookAt = () => {
    const v = props.detail.verification;
    const open = v.checks.filter((c) => c.result !== 'pass');
    if (v.overall === 'pass' && !v.pending) return undefined;
    if (open.length === 0 && !v.pending) return undefined;
    const title = open.some((c) => c.result === 'fail')
      ? zhStaff.decision.approveWithFailed
      : v.pending && open.length === 0
        ? zhStaff.decision.approveWhilePending
        : zhStaff.decision.approveWithManual;
    return { title, lines: open.map((c) => `${zhStaff.decision.checkResult[c.result]}：${c.summary}`) };
  };

  return (
    <section class="staff-panel staff-decision" aria-labelledby="decision-title">
      <h2 id="decision-title" class="staff-section-title">
        {zhStaff.decision.title}
      </h2>
      <Show when={done()}>
        <p class="staff-notice" role="status">
          {done()}
        </p>
      </Show>
      <Show
        when={actions().length > 0}
        fallback={
          <p class="staff-muted">
            {!props.detail.schoolDecisionAllowed
              ? zhStaff.decision.secondChoice
              : props.me.role === 'school_reviewer' && props.detail.status === 'submitted'
                ? zhStaff.decision.waitPreliminary
                : zhStaff.decision.nothing(props.detail.statusName)}
          </p>
        }
      >
        <form
          class="staff-form"
          onSubmit={submit}
          novalidate
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.target as HTMLElement).matches('input[type="radio"]')) void submit(e);
          }}
        >
          <fieldset class="staff-choices">
            <legend class="staff-visually-hidden">{zhStaff.decision.pickAction}</legend>
            <For each={actions()}>
              {(a) => (
                <label class="staff-choice" classList={{ 'staff-choice-on': action() === a, 'staff-choice-reject': rejecting(a) }}>
                  <input
                    type="radio"
                    name="decision"
                    value={a}
                    checked={action() === a}
                    onChange={() => {
                      setAction(a);
                      clearError();
                      if (rejecting(a)) queueMicrotask(() => reasonBox?.focus());
                    }}
                  />
                  {labels[a]}
                </label>
              )}
            </For>
          </fieldset>
          <Show when={action() === 'approve'}>
            <p class="staff-muted">{zhStaff.decision.approveHint}</p>
            <Show when={checksToLookAt()}>
              {(w) => (
                <div class="staff-warn-box" role="alert">
                  <p>{w().title}</p>
                  <ul>
                    <For each={w().lines}>{(line) => <li>{line}</li>}</For>
                  </ul>
                </div>
              )}
            </Show>
          </Show>
          <Show when={rejecting(action())}>
            <div class="staff-field">
              <label for="decision-template">{zhStaff.decision.template}</label>
              <select
                id="decision-template"
                class="staff-select"
                value=""
                onChange={(e) => {
                  useTemplate(e.currentTarget.value);
                  e.currentTarget.value = '';
                }}
              >
                <option value="">{zhStaff.decision.templatePick}</option>
                <For each={zhStaff.decision.templates}>{(t) => <option value={t}>{t}</option>}</For>
              </select>
            </div>
            <div class="staff-field">
              <label for="decision-reason">{zhStaff.decision.reason}</label>
              <textarea
                id="decision-reason"
                ref={reasonBox}
                class="staff-input staff-textarea"
                rows="3"
                maxlength="500"
                value={reason()}
                aria-invalid={!!reasonError()}
                aria-describedby="decision-reason-hint"
                onInput={(e) => {
                  setReason(e.currentTarget.value);
                  setReasonError(undefined);
                }}
                onKeyDown={(e) => {
                  // A rejection reaches the family: Enter is a new line, only Ctrl+Enter (⌘+Enter) sends it.
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) void submit(e);
                }}
              />
              <Show
                when={reasonError()}
                fallback={
                  <p id="decision-reason-hint" class="staff-muted">
                    {zhStaff.decision.reasonHint}
                  </p>
                }
              >
                <p id="decision-reason-hint" class="staff-field-error" role="alert">
                  {reasonError()}
                </p>
              </Show>
            </div>
          </Show>
          <Show when={rejecting(action()) && props.detail.faultChoices.fields.length + props.detail.faultChoices.documents.length > 0}>
            <fieldset class="staff-faults">
              <legend>{zhStaff.decision.faults}</legend>
              <Show when={props.detail.faultChoices.fields.length > 0}>
                <div class="staff-faults-group">
                  <span class="staff-faults-group-title">{zhStaff.decision.faultFields}</span>
                  <For each={props.detail.faultChoices.fields}>
                    {(f) => (
                      <label class="staff-check-label">
                        <input
                          type="checkbox"
                          checked={faultFields().includes(f.field)}
                          onChange={(e) => setFaultFields(toggle(faultFields(), f.field, e.currentTarget.checked))}
                        />
                        {f.label}
                      </label>
                    )}
                  </For>
                </div>
              </Show>
              <Show when={props.detail.faultChoices.documents.length > 0}>
                <div class="staff-faults-group">
                  <span class="staff-faults-group-title">{zhStaff.decision.faultDocuments}</span>
                  <For each={props.detail.faultChoices.documents}>
                    {(d) => (
                      <label class="staff-check-label">
                        <input
                          type="checkbox"
                          checked={faultDocuments().includes(d.kind)}
                          onChange={(e) => setFaultDocuments(toggle(faultDocuments(), d.kind, e.currentTarget.checked))}
                        />
                        {d.name}
                      </label>
                    )}
                  </For>
                </div>
              </Show>
            </fieldset>
          </Show>
          <Show when={error()}>
            {(e) => (
              <div class="staff-form-error" role="alert">
                <p>{e().message}</p>
                <Show when={e().conflict}>
                  <button type="button" class="staff-button staff-button-small" onClick={() => void reload()}>
                    {zhStaff.decision.conflictReload}
                  </button>
                </Show>
              </div>
            )}
          </Show>
          <div class="staff-decision-buttons">
            <button
              type="submit"
              class="staff-button staff-button-primary staff-button-wide"
              classList={{ 'staff-button-danger': rejecting(action()) }}
              disabled={pending()}
            >
              {pending() ? zhStaff.decision.submitting : action() ? labels[action()!] : zhStaff.decision.submit}
            </button>
            <button type="button" class="staff-button" disabled={pending()} onClick={(e) => void submit(e, true)}>
              {zhStaff.decision.andNext}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

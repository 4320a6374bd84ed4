import { A, createAsync, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, Show } from 'solid-js';
import { isSecretField, revealNameOf } from '../../../src/domain/application-form';
import { zhStaff } from '../i18n/zh-CN-staff';
import { type Detail, getDetail, useStaffMe } from './data';
import { DecisionForm } from './decision-form';
import { documentsInOrder } from './document-list';
import { DocumentViewer } from './document-viewer';
import { Documents } from './documents';
import { chinaDateTime, staffTitle } from './format';
import { IdReveal, PhoneReveal } from './id-reveal';
import { lastQueue } from './queue-memory';
import { ResubmittedPanel } from './resubmitted-panel';
import { StaffStatus } from './status-tag';
import { VerificationPanel } from './verification-panel';

const secret = (field: string) => (isSecretField(field) ? revealNameOf[field] : undefined);

function shown(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return zhStaff.detail.empty;
  if (typeof value === 'boolean') return value ? zhStaff.detail.yes : zhStaff.detail.no;
  if (field === 'pensionMonths') return `${String(value)}${zhStaff.detail.months}`;
  return zhStaff.formOptions[field]?.[String(value)] ?? String(value);
}

/** `/staff/applications/:id`: the page starts afresh for another application. */
export function DetailRoute() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={decodeURIComponent(params.id)} keyed>
      {(id) => <DetailPage id={id} />}
    </Show>
  );
}

/**
 * `/staff/applications/:id`: every field the channel asks for, the child and the parents with masked ID numbers
 * (each revealable, audited), the documents, the history, the withdrawals used, and the decision form for the role.
 */
export function DetailPage(props: { id: string }) {
  const detail = createAsync(() => getDetail(props.id));
  const me = useStaffMe();
  createEffect(() => staffTitle(detail()?.number ?? zhStaff.queue.title));
  const docs = () => {
    const d = detail();
    return d ? documentsInOrder(d) : [];
  };
  const [current, setCurrent] = createSignal(0);
  const shownIndex = () => Math.min(current(), Math.max(0, docs().length - 1));
  const changed = (field: string) => detail()?.changes?.fields.some((f) => f.field === field) ?? false;

  return (
    <Show when={detail()}>
      {(d) => (
        <div class="staff-page">
          <A class="staff-back" href={lastQueue()}>
            ‹ {zhStaff.detail.back}
          </A>
          <header class="staff-detail-head">
            <h1 class="staff-title">
              <span class="staff-mono">{d().number}</span>
              <span class="staff-detail-child">{d().child.name}</span>
            </h1>
            <StaffStatus status={d().status} name={d().statusName} />
            <Show when={d().resubmitted}>
              <span class="staff-tag-resubmitted">{zhStaff.resubmitted.tag}</span>
            </Show>
          </header>
          <Show when={d().status === 'rejected' && d().rejectReason}>
            <p class="staff-reject">
              <strong>{zhStaff.detail.rejectReason}：</strong>
              {d().rejectReason}
            </p>
          </Show>
          <Show when={d().status === 'rejected' && d().rejection}>
            {(r) => (
              <Show when={r().faults.fields.length + r().faults.documents.length > 0}>
                <p class="staff-muted">
                  {zhStaff.resubmitted.faults}
                  {[
                    ...r().faults.fields.map((f) => d().faultChoices.fields.find((c) => c.field === f)?.label ?? f),
                    ...r().faults.documents.map((k) => d().faultChoices.documents.find((c) => c.kind === k)?.name ?? k),
                  ].join('、')}
                </p>
              </Show>
            )}
          </Show>

          <div class="staff-detail-grid">
            <div class="staff-detail-main">
              <ResubmittedPanel detail={d()} shown={shown} />
              <Basics detail={d()} />
              <VerificationPanel detail={d()} />
              <section class="staff-panel" aria-labelledby="form-title">
                <h2 id="form-title" class="staff-section-title">
                  {zhStaff.detail.form}
                </h2>
                <p class="staff-muted">{zhStaff.detail.revealHint}</p>
                <dl class="staff-facts">
                  <For each={d().fields}>
                    {(f) => (
                      <>
                        <dt>{f.label}</dt>
                        <dd>
                          <Show when={secret(f.field)} fallback={shown(f.field, d().form[f.field])}>
                            {(which) => (
                              <IdReveal
                                applicationId={d().id}
                                field={which()}
                                masked={d().form[f.field] as string | null}
                                label={f.label}
                              />
                            )}
                          </Show>
                          <Show when={changed(f.field)}>
                            <span class="staff-tag-changed">{zhStaff.resubmitted.changedTag}</span>
                          </Show>
                        </dd>
                      </>
                    )}
                  </For>
                </dl>
              </section>
              <Documents docs={docs()} current={shownIndex()} onShow={setCurrent} />
            </div>
            <div class="staff-detail-viewer">
              <DocumentViewer docs={docs()} current={shownIndex()} onShow={setCurrent} />
            </div>
            <aside class="staff-detail-side">
              <Show when={me()}>{(m) => <DecisionForm detail={d()} me={m()} />}</Show>
              <History detail={d()} />
            </aside>
          </div>
        </div>
      )}
    </Show>
  );
}

function Basics(props: { detail: Detail }) {
  const d = () => props.detail;
  return (
    <section class="staff-panel" aria-labelledby="basics-title">
      <h2 id="basics-title" class="staff-section-title">
        {zhStaff.detail.basics}
      </h2>
      <dl class="staff-facts staff-facts-2">
        <dt>{zhStaff.detail.entry}</dt>
        <dd>{d().entry.name}</dd>
        <dt>{zhStaff.detail.grade}</dt>
        <dd>{d().gradeName}</dd>
        <dt>{zhStaff.detail.track}</dt>
        <dd>{d().track?.name ?? '—'}</dd>
        <dt>{zhStaff.detail.channel}</dt>
        <dd>{d().channel?.label ?? '—'}</dd>
        <dt>{zhStaff.detail.submittedAt}</dt>
        <dd class="staff-mono">{chinaDateTime(d().submittedAt) || '—'}</dd>
        <dt>{zhStaff.detail.withdrawals}</dt>
        <dd classList={{ 'staff-warn': d().withdrawCount > 0 }}>{zhStaff.detail.withdrawalsUsed(d().withdrawCount)}</dd>
        <dt>{zhStaff.detail.childName}</dt>
        <dd>{d().child.name}</dd>
        <dt>{zhStaff.detail.birthDate}</dt>
        <dd class="staff-mono">{d().child.birthDate}</dd>
        <dt>{zhStaff.detail.childId}</dt>
        <dd class="staff-wide">
          <IdReveal applicationId={d().id} field="child" masked={d().child.idNumberMasked} label={zhStaff.detail.childId} />
        </dd>
        <dt>{zhStaff.detail.parentPhone}</dt>
        <dd>
          <PhoneReveal applicationId={d().id} masked={d().parentPhoneMasked} label={zhStaff.detail.parentPhone} />
        </dd>
        <dt>{zhStaff.detail.first}</dt>
        <dd>{d().schools.first ?? '—'}</dd>
        <dt>{zhStaff.detail.second}</dt>
        <dd>{d().schools.second ?? '—'}</dd>
      </dl>
      <Show when={d().sibling}>
        {(s) => (
          <>
            <h3 class="staff-subtitle">{zhStaff.detail.sibling}</h3>
            <dl class="staff-facts">
              <dt>{zhStaff.detail.siblingId}</dt>
              <dd>
                <IdReveal applicationId={d().id} field="sibling" masked={s().idMasked} label={zhStaff.detail.siblingId} />
              </dd>
              <dt>{zhStaff.detail.siblingSchool}</dt>
              <dd>{s().schoolName ?? '—'}</dd>
              <dt>{zhStaff.detail.siblingRemark}</dt>
              <dd>{s().remark || zhStaff.detail.empty}</dd>
            </dl>
          </>
        )}
      </Show>
    </section>
  );
}

function History(props: { detail: Detail }) {
  const newestFirst = () => [...props.detail.history].reverse();
  return (
    <section class="staff-panel" aria-labelledby="history-title">
      <h2 id="history-title" class="staff-section-title">
        {zhStaff.detail.history}
      </h2>
      <ol class="staff-timeline">
        <For each={newestFirst()}>
          {(h) => (
            <li>
              <span class="staff-timeline-status">{h.toName}</span>
              <span class="staff-muted">
                {chinaDateTime(h.at)} · {zhStaff.detail.actors[h.actor] ?? h.actor}
              </span>
              <Show when={h.reason}>
                <span class="staff-timeline-reason">{h.reason}</span>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

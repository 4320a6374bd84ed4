import { A } from '@solidjs/router';
import { createContext, For, type JSX, Show, useContext } from 'solid-js';
import { zhRejection } from '../i18n/zh-CN-rejection';
import type { Application } from '../lib/applications';
import { deadlineText } from '../lib/deadline-text';
import { siblingDocumentKinds } from '../../../src/domain/file-types';
import './rejection.css';
import { type Step, stepName, stepPath } from './steps';

type Faults = { fields: readonly string[]; documents: readonly string[] };

const FaultsContext = createContext<() => Faults | null>(() => null);

/** The faults the reviewer marked, for the marks inside a step (none unless the application is rejected). */
export function FaultsProvider(props: { app: Application; children: JSX.Element }) {
  return <FaultsContext.Provider value={() => props.app.faults}>{props.children}</FaultsContext.Provider>;
}

/** 「需修改」 beside a form field or document the reviewer marked at fault; nothing otherwise. */
export function NeedsFix(props: { field?: string; documentKind?: string }) {
  const faults = useContext(FaultsContext);
  const marked = () => {
    const f = faults();
    if (!f) return false;
    return (
      (props.field !== undefined && f.fields.includes(props.field)) ||
      (props.documentKind !== undefined && f.documents.includes(props.documentKind))
    );
  };
  return (
    <Show when={marked()}>
      <span class="needs-fix">{zhRejection.needsFix}</span>
    </Show>
  );
}

const stepOfDocument = (kind: string): Step => ((siblingDocumentKinds as readonly string[]).includes(kind) ? 'schools' : 'documents');

/** The faults by step, with the names a parent reads. */
function faultItems(app: Application) {
  const faults = app.faults;
  if (!faults) return [];
  const labels = new Map<string, string>(app.fields.map((f) => [f.field, f.label]));
  const names = new Map<string, string>([
    ...(app.channel?.documents ?? []).map((d) => [d.kind, d.name] as const),
    ...(app.sibling?.documents ?? []).map((d) => [d.kind, d.name] as const),
  ]);
  return [
    ...faults.fields.map((field) => ({ step: 'form' as Step, label: labels.get(field) ?? field })),
    ...faults.documents.map((kind) => ({ step: stepOfDocument(kind), label: names.get(kind) ?? kind })),
  ];
}

/**
 * At the top of each edit step while the application is rejected: the 驳回原因, the deadline, what the reviewer
 * marked 需修改 on this step, and links to the other steps with marked items.
 */
export function RejectionBanner(props: { app: Application; step: Step }) {
  const items = () => faultItems(props.app);
  const here = () => items().filter((i) => i.step === props.step);
  const elsewhere = () => [...new Set(items().map((i) => i.step))].filter((s) => s !== props.step);
  return (
    <Show when={props.app.status === 'rejected'}>
      <section class="reject rejection-banner" aria-label={zhRejection.title} role="status">
        <p class="reject-title">{zhRejection.title}</p>
        <p class="reject-reason">
          {zhRejection.reason}
          {props.app.rejectReason}
        </p>
        <Show when={here().length > 0}>
          <p>
            {zhRejection.toFix}
            {here()
              .map((i) => i.label)
              .join('、')}
          </p>
        </Show>
        <Show when={elsewhere().length > 0}>
          <p class="rejection-elsewhere">
            {zhRejection.otherSteps}
            <For each={elsewhere()}>
              {(s) => (
                <A class="rejection-step-link" href={stepPath(props.app.id, s)}>
                  {stepName(s)}
                </A>
              )}
            </For>
          </p>
        </Show>
        <Show when={props.app.correctionDeadline}>{(d) => <p class="muted">{zhRejection.deadline(deadlineText(d()))}</p>}</Show>
      </section>
    </Show>
  );
}

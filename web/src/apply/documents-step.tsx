import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { MissingItem } from '../../../src/domain/application-missing';
import { zhApply } from '../i18n/zh-CN-apply';
import { type Application, refreshApplication } from '../lib/applications';
import type { ChannelDocument } from '../lib/catalog';
import { groupDocuments } from '../parent/document-list';
import { DocumentRow } from './document-row';
import { IncompleteNotice } from './incomplete-notice';
import { StepFrame } from './step-frame';
import { missingOn, stepPath } from './steps';
import { useApplication } from './use-application';

/** `/applications/:id/documents`: one row per document the channel asks for, each uploaded from the phone. */
export function DocumentsStep() {
  const { app } = useApplication();
  return (
    <Show when={app()}>
      {(a) => (
        <StepFrame app={a()} step="documents" title={zhApply.documents.title}>
          <DocumentRows app={a()} />
        </StepFrame>
      )}
    </Show>
  );
}

/** The birth certificate only when the hukou booklet does not show the parent–child relation (guide 一, 注). */
function needed(app: Application, document: ChannelDocument) {
  return document.condition !== 'hukou_lacks_relation' || app.form.hukouShowsRelation === false;
}

/** Rows keyed by kind: reading the application afresh after an upload keeps every row (and its progress) in place. */
export function DocumentRows(props: { app: Application }) {
  const navigate = useNavigate();
  const channelDocuments = () => props.app.channel?.documents ?? [];
  const byKind = (kind: string) =>
    channelDocuments().find((d) => d.kind === kind) ?? props.app.sibling?.documents.find((d) => d.kind === kind);
  const filesOf = (kind: string) => props.app.documents.filter((d) => d.kind === kind);
  const refresh = () => refreshApplication(props.app.id);
  const row = (kind: string) => (
    <Show when={byKind(kind)}>
      {(document) => <DocumentRow applicationId={props.app.id} document={document()} files={filesOf(kind)} onChanged={refresh} />}
    </Show>
  );
  /** `one:<kind>` or `any:<kind>,<kind>…`, so the list compares equal across reads. */
  const items = createMemo(() =>
    groupDocuments(channelDocuments().filter((d) => needed(props.app, d))).map((item) =>
      item.kind === 'one' ? `one:${item.document.kind}` : `any:${item.documents.map((d) => d.kind).join(',')}`,
    ),
  );
  const siblingKinds = createMemo(() => (props.app.sibling?.documents ?? []).map((d) => d.kind).join(','));
  const conditional = () => channelDocuments().find((d) => d.condition === 'hukou_lacks_relation');
  const groupOf = (kinds: string) => channelDocuments().find((d) => d.kind === kinds.split(',')[0])?.alternativeGroup;
  const [incomplete, setIncomplete] = createSignal<MissingItem[]>([]);
  const toSchools = () => navigate(stepPath(props.app.id, 'schools'));
  /** Uploads read the application afresh, so its missing list is current. */
  const next = () => {
    const missing = missingOn('documents', props.app.missing);
    setIncomplete(missing);
    if (missing.length === 0) toSchools();
  };

  return (
    <Show
      when={props.app.channel}
      fallback={
        <A class="button button-primary" href={stepPath(props.app.id, 'channel')}>
          {zhApply.channelStep.title}
        </A>
      }
    >
      <p class="muted">{zhApply.documents.hint}</p>
      <p class="muted">{zhApply.documents.formats}</p>
      <ul class="doc-rows">
        <For each={items()}>
          {(item) => (
            <Show when={item.startsWith('any:')} fallback={row(item.slice(4))}>
              <li class="doc-group" id={`doc-${groupOf(item.slice(4))}`} tabindex="-1">
                <span class="choice-label">{zhApply.documents.anyOne}</span>
                <ul class="doc-rows">
                  <For each={item.slice(4).split(',')}>{(kind) => row(kind)}</For>
                </ul>
              </li>
            </Show>
          )}
        </For>
      </ul>
      <Show when={conditional() && props.app.form.hukouShowsRelation !== false}>
        <p class="muted">
          {props.app.form.hukouShowsRelation === true ? zhApply.documents.birthCertificateHidden : zhApply.documents.needForm}
        </p>
      </Show>
      <Show when={siblingKinds()}>
        <section class="section">
          <h2 class="section-title">{zhApply.documents.siblingHeading}</h2>
          <ul class="doc-rows">
            <For each={siblingKinds().split(',')}>{(kind) => row(kind)}</For>
          </ul>
        </section>
      </Show>
      <div class="step-actions">
        <Show when={incomplete().length > 0}>
          <IncompleteNotice items={incomplete()} onContinue={toSchools} />
        </Show>
        <button type="button" class="button button-primary button-block" onClick={next}>
          {zhApply.steps.next}
        </button>
      </div>
    </Show>
  );
}

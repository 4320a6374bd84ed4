import { A, useNavigate } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import type { FormField } from '../../../src/domain/application-form';
import { FormError } from '../account/field';
import { zhApply } from '../i18n/zh-CN-apply';
import { type Application, refreshApplication } from '../lib/applications';
import { api } from '../lib/trpc';
import { formatSize } from '../lib/upload';
import { useWrite, write } from '../lib/write';
import { DocumentThumb } from './document-thumb';
import { displayValue } from './field-kinds';
import { StepFrame } from './step-frame';
import { type Step, stepOfMissing, stepPath } from './steps';
import { useApplication } from './use-application';
import { WithdrawPanel } from './withdraw-panel';

/**
 * `/applications/:id/preview`: everything `applications.get` holds, what is still missing (each with the way to
 * its step), 返回修改 per section, and 提交资料 for exactly the version shown. Once submitted, the same page is
 * 修改已提交的资料: read only, with 如需修改，请点击撤回.
 */
export function PreviewStep() {
  const { app } = useApplication();
  return (
    <Show when={app()}>
      {(a) => (
        <StepFrame app={a()} step="preview" title={a().canEdit ? zhApply.preview.title : zhApply.preview.submittedTitle} readOnly>
          <Preview app={a()} />
        </StepFrame>
      )}
    </Show>
  );
}

function Section(props: { title: string; app: Application; step: Step; children: JSX.Element }) {
  return (
    <section class="card preview-section">
      <div class="preview-head">
        <h2 class="section-title">{props.title}</h2>
        <Show when={props.app.canEdit}>
          <A class="edit-link" href={stepPath(props.app.id, props.step)} aria-label={`${zhApply.preview.edit}：${props.title}`}>
            {zhApply.preview.edit}
          </A>
        </Show>
      </div>
      {props.children}
    </section>
  );
}

const Value = (props: { value: string | null | undefined }) => (
  <dd classList={{ 'value-empty': !props.value }}>{props.value || zhApply.preview.empty}</dd>
);

/** 提交资料 for the version shown; the application is read again whether or not the server took it. */
const submitApplication = write('apply.submit', async (applicationId: string, version: number) => {
  try {
    await api.applications.submit.mutate({ applicationId, version });
  } finally {
    await refreshApplication(applicationId);
  }
});

function Preview(props: { app: Application }) {
  const navigate = useNavigate();
  const submission = useWrite(submitApplication);
  const pending = submission.pending;
  const error = () => submission.problem()?.message;
  const a = () => props.app;
  const filesOf = (kind: string) => a().documents.filter((d) => d.kind === kind);
  const documentNames = () => [...(a().channel?.documents ?? []), ...(a().sibling?.documents ?? [])];
  const nameOf = (kind: string) => documentNames().find((d) => d.kind === kind)?.name ?? kind;
  /** Kinds with files, in the order the channel lists its documents (then sibling proofs). */
  const uploadedKinds = () => {
    const order = documentNames().map((d) => d.kind);
    const rank = (kind: string) => (order.includes(kind) ? order.indexOf(kind) : order.length);
    return [...new Set(a().documents.map((d) => d.kind))].sort((x, y) => rank(x) - rank(y));
  };

  const submit = async () => {
    const id = a().id;
    if ((await submission.run(id, a().version))?.ok) navigate(stepPath(id, 'submitted'), { replace: true });
  };

  return (
    <>
      <Show when={a().canEdit}>
        <p class="muted">{zhApply.preview.hint}</p>
      </Show>
      <Show when={a().missing.length > 0}>
        <div class="missing" role="status">
          <p class="missing-title">{zhApply.preview.missing}</p>
          <ul class="missing-list">
            <For each={a().missing}>
              {(item) => (
                <li>
                  <span>{item.label}</span>
                  <A
                    href={stepPath(a().id, stepOfMissing(item))}
                    state={item.field || item.documentKind ? { focus: { field: item.field, documentKind: item.documentKind } } : undefined}
                  >
                    {zhApply.preview.goFix}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>

      <section class="card preview-section">
        <h2 class="section-title">{a().child.name}</h2>
        <dl class="facts">
          <dt>{zhApply.preview.number}</dt>
          <dd class="id-masked">{a().number}</dd>
          <dt>{zhApply.preview.idNumber}</dt>
          <dd class="id-masked">{a().child.idNumberMasked}</dd>
          <dt>{zhApply.preview.entry}</dt>
          <dd>{a().entry.name}</dd>
          <dt>{zhApply.preview.grade}</dt>
          <dd>{a().gradeName}</dd>
        </dl>
      </section>

      <Section title={zhApply.preview.channel} app={a()} step="channel">
        <dl class="facts">
          <Show when={a().track}>
            <dt>{zhApply.preview.track}</dt>
            <dd>{a().track!.name}</dd>
          </Show>
          <dt>{zhApply.preview.channel}</dt>
          <Value value={a().channel?.label} />
        </dl>
      </Section>

      <Section title={zhApply.preview.form} app={a()} step="form">
        <dl class="facts">
          <For each={a().fields}>
            {(f) => (
              <>
                <dt>{f.label}</dt>
                <Value value={displayValue(f.field as FormField, a().form[f.field])} />
              </>
            )}
          </For>
        </dl>
      </Section>

      <Section title={zhApply.preview.documents} app={a()} step="documents">
        <Show when={uploadedKinds().length > 0} fallback={<p class="value-empty">{zhApply.preview.empty}</p>}>
          <ul class="preview-files">
            <For each={uploadedKinds()}>
              {(kind) => (
                <li>
                  <span class="doc-name">{nameOf(kind)}</span>
                  <For each={filesOf(kind)}>
                    {(file) => (
                      <span class="file-info">
                        <a class="file-link" href={`/api/files/${file.id}`} target="_blank" rel="noopener">
                          <DocumentThumb file={file} />
                          <span class="file-name">{file.fileName}</span>
                        </a>
                        <span class="muted">
                          {file.side ? `${zhApply.documents.sides[file.side]} · ` : ''}
                          {formatSize(file.size)}
                        </span>
                      </span>
                    )}
                  </For>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Section>

      <Section title={zhApply.preview.schools} app={a()} step="schools">
        <dl class="facts">
          <dt>{zhApply.preview.first}</dt>
          <Value value={a().schools.first?.name} />
          <dt>{zhApply.preview.second}</dt>
          <Value value={a().schools.second?.name} />
        </dl>
        <Show when={a().sibling}>
          {(s) => (
            <>
              <h3 class="preview-sub">{zhApply.preview.sibling}</h3>
              <dl class="facts">
                <dt>{zhApply.preview.siblingId}</dt>
                <dd class="id-masked">{s().idMasked}</dd>
                <dt>{zhApply.preview.siblingSchool}</dt>
                <Value value={s().schoolName} />
                <dt>{zhApply.preview.siblingRemark}</dt>
                <Value value={s().remark} />
              </dl>
            </>
          )}
        </Show>
      </Section>

      <Show
        when={a().canEdit}
        fallback={
          <WithdrawPanel
            applicationId={a().id}
            canWithdraw={a().canWithdraw}
            withdrawalsLeft={a().withdrawalsLeft}
            onWithdrawn={() => navigate(stepPath(a().id, 'progress'))}
          />
        }
      >
        <FormError message={error()} />
        <div class="step-actions">
          <button
            type="button"
            class="button button-primary button-block"
            disabled={pending() || a().missing.length > 0}
            onClick={() => void submit()}
          >
            {pending() ? zhApply.preview.submitting : zhApply.preview.submit}
          </button>
        </div>
      </Show>
    </>
  );
}

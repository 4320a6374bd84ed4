import { revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { maxObjectionDocuments } from '../../../src/domain/placement/objection-documents';
import { zhApply } from '../i18n/zh-CN-apply';
import { zhCN } from '../i18n/zh-CN';
import { formatTime } from '../lib/account';
import { getProgress } from '../lib/applications';
import { compressImage } from '../lib/compress-image';
import { api, type RouterOutputs } from '../lib/trpc';
import { FileRequestError, formatSize, uploadObjectionDocument } from '../lib/upload';
import { useWrite, write } from '../lib/write';
import { FilePicker } from './file-picker';

type Placement = NonNullable<RouterOutputs['applications']['progress']['placement']>;
type Objection = NonNullable<Placement['objection']>;
const t = zhApply.placement;

/** Compresses a photo on the phone and files it with the objection. */
const attach = async (objectionId: string, file: File) =>
  uploadObjectionDocument({ objectionId, file: await compressImage(file) }, () => undefined);

/** Files the objection, then the files picked with it; 报名进度 is read again either way. */
const fileObjection = write('applications.fileObjection', async (applicationId: string, reason: string, files: readonly File[]) => {
  try {
    const done = await api.applications.fileObjection.mutate({ applicationId, reason });
    for (const file of files) await attach(done.id, file);
    return done;
  } finally {
    await revalidate(getProgress.key);
  }
});

/** Adds one more file to a filed objection while it is open and 公示 runs. */
const addObjectionFile = write('applications.addObjectionFile', async (objectionId: string, file: File) => {
  await attach(objectionId, file);
  await revalidate(getProgress.key);
});

/** A failed upload says why in the server's words; anything else as the write's problem. */
const fileProblem = (error: unknown) => (error instanceof FileRequestError ? error.message : zhCN.errors.server);

/** 异议 during 公示: the family's objection, its files and how it was decided, or the form to file one. */
export function ObjectionPanel(props: { applicationId: string; placement: Placement }) {
  return (
    <Show
      when={props.placement.objection}
      fallback={
        <Show when={props.placement.canObject}>
          <ObjectionForm applicationId={props.applicationId} publicityEndsAt={props.placement.publicityEndsAt} />
        </Show>
      }
    >
      {(o) => <FiledObjection objection={o()} />}
    </Show>
  );
}

function ObjectionForm(props: { applicationId: string; publicityEndsAt: string | null }) {
  const [reason, setReason] = createSignal('');
  const [files, setFiles] = createSignal<File[]>([]);
  const filing = useWrite(fileObjection);
  const problem = () => {
    const error = filing.last()?.error;
    if (error === undefined) return undefined;
    return error instanceof FileRequestError ? error.message : (filing.problem()?.fields.reason ?? filing.problem()?.message);
  };
  return (
    <form
      class="objection-form"
      onSubmit={(e) => {
        e.preventDefault();
        void filing.run(props.applicationId, reason(), files());
      }}
    >
      <h3 class="section-title">{t.objection}</h3>
      <p class="muted">{t.objectionHint(formatTime(props.publicityEndsAt ?? ''))}</p>
      <label class="field">
        <span class="field-label">{t.objectionReason}</span>
        <textarea class="input textarea" rows="3" maxlength="500" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <div class="field">
        <span class="field-label">{t.objectionFiles}</span>
        <p class="muted">{t.objectionFilesHint(maxObjectionDocuments)}</p>
        <ul class="file-list">
          <For each={files()}>
            {(file) => (
              <li class="file">
                <span class="file-name">{file.name}</span>
                <span class="muted">{formatSize(file.size)}</span>
                <button
                  type="button"
                  class="button button-small"
                  disabled={filing.pending()}
                  onClick={() => setFiles(files().filter((f) => f !== file))}
                >
                  {t.removePicked(file.name)}
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={files().length < maxObjectionDocuments}>
          <FilePicker
            label={t.objectionFiles}
            compact={t.addObjectionFile}
            disabled={filing.pending()}
            onPick={(file) => setFiles([...files(), file])}
          />
        </Show>
      </div>
      <Show when={problem()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <button type="submit" class="button button-block" disabled={filing.pending()}>
        {filing.pending() ? t.filing : t.fileObjection}
      </button>
    </form>
  );
}

function FiledObjection(props: { objection: Objection }) {
  const adding = useWrite(addObjectionFile, ([objectionId]) => objectionId === props.objection.id);
  const error = () => {
    const failed = adding.last()?.error;
    return failed === undefined ? undefined : fileProblem(failed);
  };
  return (
    <div class="notice" role="status">
      <p class="notice-title">{t.objectionStatus[props.objection.status]}</p>
      <Show when={props.objection.decision}>{(d) => <p>{t.objectionDecision(d())}</p>}</Show>
      <Show when={props.objection.documents.length > 0}>
        <p>{t.objectionFilesFiled}</p>
        <ul class="file-list">
          <For each={props.objection.documents}>
            {(file) => (
              <li class="file">
                <a class="file-link" href={`/api/files/${file.id}`} target="_blank" rel="noopener">
                  <span class="file-name">{file.fileName}</span>
                </a>
                <span class="muted">{formatSize(file.size)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.objection.canAddDocuments}>
        <Show when={adding.pending()}>
          <p class="muted">{t.uploading}</p>
        </Show>
        <FilePicker
          label={t.objectionFiles}
          compact={t.addMoreObjectionFiles}
          disabled={adding.pending()}
          onPick={(file) => void adding.run(props.objection.id, file)}
        />
      </Show>
      <Show when={error()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </div>
  );
}

import { createSignal, For, Show } from 'solid-js';
import { maxDocumentsPerKind } from '../../../src/domain/file-types';
import { FormError } from '../account/field';
import { zhApply } from '../i18n/zh-CN-apply';
import { zhCN } from '../i18n/zh-CN';
import type { UploadedDocument } from '../lib/applications';
import { compressImage } from '../lib/compress-image';
import { deleteDocument, FileRequestError, formatSize, uploadDocument } from '../lib/upload';
import { useWrite, write } from '../lib/write';
import { FilePicker } from './file-picker';
import { NeedsFix } from './rejection-banner';

type Busy = { phase: 'compress' } | { phase: 'upload'; fraction: number };
type Row = { applicationId: string; kind: string; onChanged: () => Promise<unknown> };

const messageOf = (error: unknown) => (error instanceof FileRequestError ? error.message : zhCN.errors.server);

/** Compresses a photo on the phone and uploads it (in place of `replaces`, if given), then reads the application again. */
const uploadFile = write('apply.uploadFile', async (row: Row, file: File, replaces: string | undefined, progress: (busy: Busy) => void) => {
  progress({ phase: 'compress' });
  const prepared = await compressImage(file);
  progress({ phase: 'upload', fraction: 0 });
  await uploadDocument({ applicationId: row.applicationId, kind: row.kind, file: prepared, replaces }, (fraction) =>
    progress({ phase: 'upload', fraction }),
  );
  await row.onChanged();
});

/** Deletes one file, then reads the application again. */
const removeFile = write('apply.removeFile', async (row: Row, documentId: string) => {
  await deleteDocument(documentId);
  await row.onChanged();
});

/**
 * One required document: its files (name, size, 查看, 替换, 删除) and the way to add one — compressed on the phone,
 * uploaded with a progress bar. `onChanged` reads the application afresh and resolves when it has.
 */
export function DocumentRow(props: {
  applicationId: string;
  document: { kind: string; name: string; note?: string };
  files: readonly UploadedDocument[];
  onChanged: () => Promise<unknown>;
}) {
  const thisRow = ([row]: [Row, ...unknown[]]) => row.applicationId === props.applicationId && row.kind === props.document.kind;
  const uploading = useWrite(uploadFile, thisRow);
  const removal = useWrite(removeFile, thisRow);
  const [progress, setProgress] = createSignal<Busy>({ phase: 'compress' });
  const busy = () => (uploading.pending() || removal.pending() ? progress() : null);
  const error = () => {
    const failed = uploading.last()?.error ?? removal.last()?.error;
    return failed === undefined ? undefined : messageOf(failed);
  };
  const [removing, setRemoving] = createSignal<string>();
  const row = (): Row => ({ applicationId: props.applicationId, kind: props.document.kind, onChanged: props.onChanged });

  const upload = async (file: File, replaces?: string) => {
    if (busy()) return;
    removal.clear();
    setRemoving(undefined);
    await uploading.run(row(), file, replaces, setProgress);
  };

  const remove = async (id: string) => {
    if (busy()) return;
    uploading.clear();
    setProgress({ phase: 'upload', fraction: 1 });
    if ((await removal.run(row(), id))?.ok) setRemoving(undefined);
  };

  const percent = () => {
    const b = busy();
    return b?.phase === 'upload' ? Math.round(b.fraction * 100) : 0;
  };

  return (
    <li class="doc-row" classList={{ 'doc-row-done': props.files.length > 0 }} data-kind={props.document.kind}>
      <div class="doc-row-head">
        <span class="doc-name">
          {props.document.name}
          <NeedsFix documentKind={props.document.kind} />
        </span>
        <span class="tag" classList={{ 'tag-saved': props.files.length > 0, 'tag-missing': props.files.length === 0 }}>
          {props.files.length > 0 ? zhApply.documents.uploaded : zhApply.documents.notUploaded}
        </span>
      </div>
      <Show when={props.document.note}>
        <p class="doc-note">{props.document.note}</p>
      </Show>

      <Show when={props.files.length > 0}>
        <ul class="files">
          <For each={props.files}>
            {(file) => (
              <li class="file">
                <div class="file-info">
                  <a class="file-name" href={`/api/files/${file.id}`} target="_blank" rel="noopener">
                    {file.fileName}
                  </a>
                  <span class="muted">{formatSize(file.size)}</span>
                </div>
                <Show
                  when={removing() === file.id}
                  fallback={
                    <div class="file-actions">
                      <FilePicker
                        label={file.fileName}
                        compact={zhApply.documents.replace}
                        disabled={Boolean(busy())}
                        onPick={(picked) => void upload(picked, file.id)}
                      />
                      <button
                        type="button"
                        class="button button-small button-danger-text"
                        disabled={Boolean(busy())}
                        aria-label={`${zhApply.documents.remove}：${file.fileName}`}
                        onClick={() => setRemoving(file.id)}
                      >
                        {zhApply.documents.remove}
                      </button>
                    </div>
                  }
                >
                  <div class="confirm" role="alertdialog" aria-label={zhApply.documents.removeQuestion(file.fileName)}>
                    <p class="confirm-title">{zhApply.documents.removeQuestion(file.fileName)}</p>
                    <div class="button-row">
                      <button type="button" class="button button-small" onClick={() => setRemoving(undefined)}>
                        {zhApply.documents.cancel}
                      </button>
                      <button
                        type="button"
                        class="button button-small button-danger"
                        disabled={Boolean(busy())}
                        onClick={() => void remove(file.id)}
                      >
                        {zhApply.documents.confirmRemove}
                      </button>
                    </div>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={busy()}>
        {(b) => (
          <div
            class="upload-progress"
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow={percent()}
            aria-label={b().phase === 'compress' ? zhApply.documents.compressing : zhApply.documents.uploading(percent())}
          >
            <div class="upload-bar">
              <span style={{ width: `${percent()}%` }} />
            </div>
            <span class="muted">{b().phase === 'compress' ? zhApply.documents.compressing : zhApply.documents.uploading(percent())}</span>
          </div>
        )}
      </Show>
      <FormError message={error()} />

      <Show
        when={props.files.length === 0}
        fallback={
          <Show when={props.files.length < maxDocumentsPerKind}>
            <FilePicker
              label={props.document.name}
              compact={zhApply.documents.addMore}
              disabled={Boolean(busy())}
              onPick={(f) => void upload(f)}
            />
          </Show>
        }
      >
        <FilePicker label={props.document.name} disabled={Boolean(busy())} onPick={(f) => void upload(f)} />
      </Show>
    </li>
  );
}

import { createSignal, For, Show } from 'solid-js';
import { type DocumentSide, documentSides } from '../../../src/domain/document-sides';
import { maxDocumentBytes, maxDocumentsPerKind } from '../../../src/domain/file-types';
import { FormError } from '../account/field';
import { zhApply } from '../i18n/zh-CN-apply';
import { zhCN } from '../i18n/zh-CN';
import type { UploadedDocument } from '../lib/applications';
import { compressImage } from '../lib/compress-image';
import { deleteDocument, FileRequestError, uploadDocument } from '../lib/upload';
import { useWrite, write } from '../lib/write';
import { DocumentFile } from './document-file';
import DocumentSample from './document-sample';
import { FilePicker } from './file-picker';
import { NeedsFix } from './rejection-banner';

type Busy = { phase: 'compress' } | { phase: 'upload'; fraction: number };
type Row = { applicationId: string; kind: string; onChanged: () => Promise<unknown> };

const messageOf = (error: unknown) => (error instanceof FileRequestError ? error.message : zhCN.errors.server);

/** Where a file goes: in place of `replaces`, and/or as 正面/反面 of an ID card. */
type Slot = { replaces?: string; side?: DocumentSide };

/** Compresses a photo on the phone and uploads it into its slot, then reads the application again. */
const uploadFile = write('apply.uploadFile', async (row: Row, file: File, slot: Slot, progress: (busy: Busy) => void) => {
  progress({ phase: 'compress' });
  const prepared = await compressImage(file);
  progress({ phase: 'upload', fraction: 0 });
  await uploadDocument({ applicationId: row.applicationId, kind: row.kind, file: prepared, ...slot }, (fraction) =>
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
 * One required document: how big a file may be, a sample picture on request, its files (picture, name, size, 替换,
 * 删除) and the way to add one — compressed on the phone, uploaded with a progress bar. A two-sided document (ID card)
 * has a 正面 slot and a 反面 slot. `onChanged` reads the application afresh and resolves when it has.
 */
export function DocumentRow(props: {
  applicationId: string;
  document: { kind: string; name: string; note?: string; twoSided?: boolean };
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
  const [sample, setSample] = createSignal(false);
  const row = (): Row => ({ applicationId: props.applicationId, kind: props.document.kind, onChanged: props.onChanged });

  const twoSided = () => props.document.twoSided === true;
  const ofSide = (side: DocumentSide) => props.files.find((f) => f.side === side);
  /** Files in no slot: every file of a one-sided document; on an ID card, one showing both faces. */
  const loose = () => (twoSided() ? props.files.filter((f) => !f.side) : props.files);
  const complete = () => (twoSided() ? loose().length > 0 || Boolean(ofSide('front') && ofSide('back')) : props.files.length > 0);
  const missingSide = () => (complete() || props.files.length === 0 ? undefined : ofSide('front') ? 'back' : 'front');

  const upload = async (file: File, slot: Slot = {}) => {
    if (busy()) return;
    removal.clear();
    setRemoving(undefined);
    await uploading.run(row(), file, slot, setProgress);
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

  const fileItem = (file: UploadedDocument, prefix?: string) => (
    <DocumentFile
      file={file}
      prefix={prefix}
      busy={Boolean(busy())}
      confirming={removing() === file.id}
      onReplace={(picked) => void upload(picked, { replaces: file.id })}
      onAskRemove={() => setRemoving(file.id)}
      onCancelRemove={() => setRemoving(undefined)}
      onRemove={() => void remove(file.id)}
    />
  );

  return (
    <li
      class="doc-row"
      classList={{ 'doc-row-done': complete() }}
      data-kind={props.document.kind}
      id={`doc-${props.document.kind}`}
      tabindex="-1"
    >
      <div class="doc-row-head">
        <span class="doc-name">
          {props.document.name}
          <NeedsFix documentKind={props.document.kind} />
        </span>
        <span class="tag" classList={{ 'tag-saved': complete(), 'tag-missing': !complete() }}>
          {complete()
            ? zhApply.documents.uploaded
            : missingSide()
              ? zhApply.documents.missingSide(zhApply.documents.sides[missingSide()!])
              : zhApply.documents.notUploaded}
        </span>
      </div>
      <Show when={props.document.note}>
        <p class="doc-note">{props.document.note}</p>
      </Show>
      <p class="doc-limit muted">{zhApply.documents.limit(maxDocumentBytes / 1024 / 1024)}</p>
      <button
        type="button"
        class="button button-small doc-sample-toggle"
        aria-expanded={sample()}
        aria-label={`${sample() ? zhApply.documents.hideSample : zhApply.documents.showSample}：${props.document.name}`}
        onClick={() => setSample(!sample())}
      >
        {sample() ? zhApply.documents.hideSample : zhApply.documents.showSample}
      </button>
      <Show when={sample()}>
        <div class="doc-samples">
          <Show when={twoSided()} fallback={<DocumentSample kind={props.document.kind} name={props.document.name} />}>
            <For each={documentSides}>
              {(side) => (
                <DocumentSample kind={props.document.kind} side={side} name={`${props.document.name}${zhApply.documents.sides[side]}`} />
              )}
            </For>
          </Show>
        </div>
      </Show>

      <Show when={loose().length > 0}>
        <ul class="files">
          <For each={loose()}>{(file) => fileItem(file, twoSided() ? zhApply.documents.bothSides : undefined)}</For>
        </ul>
      </Show>
      <Show when={twoSided() && loose().length === 0}>
        <div class="doc-sides">
          <For each={documentSides}>
            {(side) => (
              <div class="doc-side" data-side={side}>
                <span class="doc-side-name">{zhApply.documents.sides[side]}</span>
                <Show
                  when={ofSide(side)}
                  fallback={
                    <FilePicker
                      label={`${props.document.name}${zhApply.documents.sides[side]}`}
                      disabled={Boolean(busy())}
                      onPick={(f) => void upload(f, { side })}
                    />
                  }
                >
                  {(file) => <ul class="files">{fileItem(file())}</ul>}
                </Show>
              </div>
            )}
          </For>
        </div>
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

      <Show when={!twoSided()}>
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
      </Show>
    </li>
  );
}

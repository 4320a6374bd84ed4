import { Show } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import type { UploadedDocument } from '../lib/applications';
import { formatSize } from '../lib/upload';
import { DocumentThumb } from './document-thumb';
import { FilePicker } from './file-picker';

/**
 * One uploaded file: its picture and name (a link that opens it), its size, 替换 and 删除 (which asks first).
 * `prefix` names the slot it fills (正面, 反面, 正反面).
 */
export function DocumentFile(props: {
  file: UploadedDocument;
  prefix?: string;
  busy: boolean;
  confirming: boolean;
  onReplace: (picked: File) => void;
  onAskRemove: () => void;
  onCancelRemove: () => void;
  onRemove: () => void;
}) {
  return (
    <li class="file">
      <div class="file-info">
        <a class="file-link" href={`/api/files/${props.file.id}`} target="_blank" rel="noopener">
          <DocumentThumb file={props.file} />
          <span class="file-name">{props.file.fileName}</span>
        </a>
        <span class="muted">
          {props.prefix ? `${props.prefix} · ` : ''}
          {formatSize(props.file.size)}
        </span>
      </div>
      <Show
        when={props.confirming}
        fallback={
          <div class="file-actions">
            <FilePicker label={props.file.fileName} compact={zhApply.documents.replace} disabled={props.busy} onPick={props.onReplace} />
            <button
              type="button"
              class="button button-small button-danger-text"
              disabled={props.busy}
              aria-label={`${zhApply.documents.remove}：${props.file.fileName}`}
              onClick={() => props.onAskRemove()}
            >
              {zhApply.documents.remove}
            </button>
          </div>
        }
      >
        <div class="confirm" role="alertdialog" aria-label={zhApply.documents.removeQuestion(props.file.fileName)}>
          <p class="confirm-title">{zhApply.documents.removeQuestion(props.file.fileName)}</p>
          <div class="button-row">
            <button type="button" class="button button-small" onClick={() => props.onCancelRemove()}>
              {zhApply.documents.cancel}
            </button>
            <button type="button" class="button button-small button-danger" disabled={props.busy} onClick={() => props.onRemove()}>
              {zhApply.documents.confirmRemove}
            </button>
          </div>
        </div>
      </Show>
    </li>
  );
}

import { Show } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';

export const acceptedFiles = 'image/*,application/pdf';

/**
 * 拍照 (the camera at once, on phones) and 选择文件 (album or files, PDFs too), as buttons over hidden file inputs.
 * `compact` shows one small button, for adding another file or replacing one.
 */
export function FilePicker(props: { label: string; onPick: (file: File) => void; disabled?: boolean; compact?: string }) {
  const pick = (event: Event & { currentTarget: HTMLInputElement }) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) props.onPick(file);
  };
  return (
    <Show
      when={!props.compact}
      fallback={
        <label class="button button-small file-button" classList={{ 'file-button-disabled': props.disabled }}>
          <FileInput camera={false} name={props.compact!} label={props.label} disabled={props.disabled} onChange={pick} />
          {props.compact}
        </label>
      }
    >
      <div class="file-buttons">
        <label class="button button-primary file-button" classList={{ 'file-button-disabled': props.disabled }}>
          <FileInput camera name={zhApply.documents.takePhoto} label={props.label} disabled={props.disabled} onChange={pick} />
          {zhApply.documents.takePhoto}
        </label>
        <label class="button file-button" classList={{ 'file-button-disabled': props.disabled }}>
          <FileInput camera={false} name={zhApply.documents.chooseFile} label={props.label} disabled={props.disabled} onChange={pick} />
          {zhApply.documents.chooseFile}
        </label>
      </div>
    </Show>
  );
}

/** A hidden file input inside its button-styled label; `camera` opens the phone's camera at once. */
function FileInput(props: {
  camera: boolean;
  name: string;
  label: string;
  disabled?: boolean;
  onChange: (event: Event & { currentTarget: HTMLInputElement }) => void;
}) {
  return (
    <input
      type="file"
      class="visually-hidden"
      accept={props.camera ? 'image/*' : acceptedFiles}
      capture={props.camera ? 'environment' : undefined}
      disabled={props.disabled}
      aria-label={`${props.name}：${props.label}`}
      onChange={props.onChange}
    />
  );
}

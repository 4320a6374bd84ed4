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
  const input = (capture: boolean, name: string) => (
    <input type="file" class="visually-hidden" accept={capture ? 'image/*' : acceptedFiles} capture={capture ? 'environment' : undefined}
      disabled={props.disabled} aria-label={`${name}：${props.label}`} onChange={pick} />
  );
  return (
    <Show when={!props.compact} fallback={
      <label class="button button-small file-button" classList={{ 'file-button-disabled': props.disabled }}>
        {input(false, props.compact!)}{props.compact}
      </label>
    }>
      <div class="file-buttons">
        <label class="button button-primary file-button" classList={{ 'file-button-disabled': props.disabled }}>
          {input(true, zhApply.documents.takePhoto)}{zhApply.documents.takePhoto}
        </label>
        <label class="button file-button" classList={{ 'file-button-disabled': props.disabled }}>
          {input(false, zhApply.documents.chooseFile)}{zhApply.documents.chooseFile}
        </label>
      </div>
    </Show>
  );
}

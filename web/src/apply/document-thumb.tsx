import { Show } from 'solid-js';
import type { UploadedDocument } from '../lib/applications';

/**
 * A small picture of an uploaded file, so the parent can see whether the photo came out clear: the image itself
 * (served only to its owner, loaded when scrolled near), or a PDF mark. Decorative: the link around it names the file.
 */
export function DocumentThumb(props: { file: Pick<UploadedDocument, 'id' | 'contentType'> }) {
  return (
    <Show
      when={props.file.contentType !== 'application/pdf'}
      fallback={
        <svg class="file-thumb file-thumb-pdf" viewBox="0 0 48 48" aria-hidden="true">
          <path d="M12 4h17l9 9v31H12z" fill="#fff" stroke="currentColor" stroke-width="2" />
          <path d="M29 4v9h9" fill="none" stroke="currentColor" stroke-width="2" />
          <rect x="8" y="26" width="26" height="12" rx="2" fill="currentColor" />
          <text x="21" y="35" text-anchor="middle" font-size="9" font-weight="700" fill="#fff">
            PDF
          </text>
        </svg>
      }
    >
      <img class="file-thumb" src={`/api/files/${props.file.id}`} alt="" width="56" height="56" loading="lazy" decoding="async" />
    </Show>
  );
}

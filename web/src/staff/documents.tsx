import { For, Match, Show, Switch } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { type CheckedDocument, fileUrl, size } from './document-list';

/** Two documents that are the same file, or a file that another application also holds: said on the document. */
export function SameFileFlags(props: { doc: CheckedDocument }) {
  return (
    <>
      <Show when={props.doc.sameAs.length > 0}>
        <p class="staff-doc-dup">{zhStaff.viewer.sameAs(props.doc.sameAs.map((n) => `「${n}」`).join('、'))}</p>
      </Show>
      <Show when={props.doc.elsewhere.length > 0}>
        <p class="staff-doc-dup">{zhStaff.viewer.elsewhere(props.doc.elsewhere.join('、'))}</p>
      </Show>
    </>
  );
}

/**
 * 证明材料, in the channel's order: images inline, PDFs in a frame; a click shows one in the viewer. The files come
 * from `GET /api/files/:id` with the staff cookie, which serves them only to reviewers who may see the application.
 */
export function Documents(props: { docs: CheckedDocument[]; current: number; onShow: (index: number) => void }) {
  return (
    <section class="staff-panel" aria-labelledby="docs-title">
      <h2 id="docs-title" class="staff-section-title">
        {zhStaff.detail.documents}
      </h2>
      <Switch>
        <Match when={props.docs.length === 0}>
          <p class="staff-muted">{zhStaff.detail.noDocuments}</p>
        </Match>
        <Match when={true}>
          <div class="staff-docs">
            <For each={props.docs}>
              {(file, index) => (
                <figure
                  class="staff-doc"
                  classList={{
                    'staff-doc-pdf': file.contentType === 'application/pdf',
                    'staff-doc-current': index() === props.current,
                    'staff-doc-flagged': file.sameAs.length + file.elsewhere.length > 0,
                  }}
                >
                  <figcaption class="staff-doc-head">
                    <span class="staff-doc-kind">{file.name}</span>
                    <a href={fileUrl(file.id)} target="_blank" rel="noopener">
                      {zhStaff.detail.openFile}
                    </a>
                  </figcaption>
                  <Switch
                    fallback={
                      <a href={fileUrl(file.id)} target="_blank" rel="noopener">
                        {file.fileName}
                      </a>
                    }
                  >
                    <Match when={file.contentType.startsWith('image/')}>
                      <button
                        type="button"
                        class="staff-doc-image"
                        aria-label={`${zhStaff.viewer.show}：${file.name}`}
                        aria-pressed={index() === props.current}
                        onClick={() => props.onShow(index())}
                      >
                        <img src={fileUrl(file.id)} alt={`${file.name}：${file.fileName}`} loading="lazy" decoding="async" />
                      </button>
                    </Match>
                    <Match when={file.contentType === 'application/pdf'}>
                      <iframe
                        class="staff-doc-frame"
                        src={fileUrl(file.id)}
                        title={zhStaff.detail.pdfTitle(`${file.name} ${file.fileName}`)}
                        loading="lazy"
                      />
                      <button type="button" class="staff-button staff-button-small" onClick={() => props.onShow(index())}>
                        {zhStaff.viewer.show}
                      </button>
                    </Match>
                  </Switch>
                  <p class="staff-muted staff-doc-file">
                    {file.fileName} · {size(file.size)}
                  </p>
                  <SameFileFlags doc={file} />
                </figure>
              )}
            </For>
          </div>
        </Match>
      </Switch>
    </section>
  );
}

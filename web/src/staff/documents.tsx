import { For, Match, Switch } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import type { Detail } from './data';

const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

function size(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * 证明材料, in the channel's order: images inline (click to open full size), PDFs in a frame. The files come from
 * `GET /api/files/:id` with the staff cookie, which serves them only to reviewers who may see the application.
 */
export function Documents(props: { detail: Detail }) {
  const names = () => {
    const map = new Map<string, string>();
    for (const d of props.detail.channel?.documents ?? []) map.set(d.kind, d.name);
    for (const [kind, name] of Object.entries(zhStaff.siblingDocuments)) if (!map.has(kind)) map.set(kind, name);
    return map;
  };
  const groups = () => {
    const order = [...names().keys()];
    const kinds = [...new Set(props.detail.documents.map((d) => d.kind))].sort(
      (a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999),
    );
    return kinds.map((kind) => ({ kind, name: names().get(kind) ?? kind, files: props.detail.documents.filter((d) => d.kind === kind) }));
  };

  return (
    <section class="staff-panel" aria-labelledby="docs-title">
      <h2 id="docs-title" class="staff-section-title">
        {zhStaff.detail.documents}
      </h2>
      <Switch>
        <Match when={groups().length === 0}>
          <p class="staff-muted">{zhStaff.detail.noDocuments}</p>
        </Match>
        <Match when={true}>
          <div class="staff-docs">
            <For each={groups()}>
              {(group) => (
                <For each={group.files}>
                  {(file) => (
                    <figure class="staff-doc" classList={{ 'staff-doc-pdf': file.contentType === 'application/pdf' }}>
                      <figcaption class="staff-doc-head">
                        <span class="staff-doc-kind">{group.name}</span>
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
                          <a
                            class="staff-doc-image"
                            href={fileUrl(file.id)}
                            target="_blank"
                            rel="noopener"
                            aria-label={`${group.name}：${file.fileName}`}
                          >
                            <img src={fileUrl(file.id)} alt={`${group.name}：${file.fileName}`} loading="lazy" decoding="async" />
                          </a>
                        </Match>
                        <Match when={file.contentType === 'application/pdf'}>
                          <iframe
                            class="staff-doc-frame"
                            src={fileUrl(file.id)}
                            title={zhStaff.detail.pdfTitle(`${group.name} ${file.fileName}`)}
                            loading="lazy"
                          />
                        </Match>
                      </Switch>
                      <p class="staff-muted staff-doc-file">
                        {file.fileName} · {size(file.size)}
                      </p>
                    </figure>
                  )}
                </For>
              )}
            </For>
          </div>
        </Match>
      </Switch>
    </section>
  );
}

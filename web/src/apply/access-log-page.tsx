import { query, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useSignedInRead } from '../account/signed-in';
import { zhAccessLog } from '../i18n/zh-CN-access-log';
import { zhApply } from '../i18n/zh-CN-apply';
import { formatTime } from '../lib/account';
import { api } from '../lib/trpc';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';

// Read here rather than in lib/applications: the query stays out of the parents' first load.
const getAccessLog = query((applicationId: string) => api.applications.accessLog.query({ applicationId }), 'applications.accessLog');

/**
 * `/applications/:id/access` 查阅记录: each time staff opened the application, showed a full ID number, exported it or
 * decided on it, newest first, by role and school (never a name).
 */
export function AccessLogPage() {
  const params = useParams<{ applicationId: string }>();
  const log = useSignedInRead(() => getAccessLog(params.applicationId));
  useTitle(() => zhAccessLog.title);

  return (
    <Show when={log()}>
      {(l) => (
        <>
          <BackLink href={`/applications/${l().applicationId}/progress`}>{zhApply.progress.title}</BackLink>
          <h1 class="page-title">{zhAccessLog.title}</h1>
          <p class="muted">{zhAccessLog.intro}</p>
          <section class="card">
            <Show when={l().entries.length > 0} fallback={<p class="muted">{zhAccessLog.none}</p>}>
              <ol class="timeline access-log">
                <For each={l().entries}>
                  {(entry) => (
                    <li>
                      <span class="timeline-status">{entry.actionName}</span>
                      <span class="muted">
                        {formatTime(entry.at)} · {entry.schoolName ?? zhAccessLog.bureau} {entry.roleName}
                      </span>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </section>
        </>
      )}
    </Show>
  );
}

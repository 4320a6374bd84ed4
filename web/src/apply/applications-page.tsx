import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useSignedInRead } from '../account/signed-in';
import { zhApply } from '../i18n/zh-CN-apply';
import { zhCN } from '../i18n/zh-CN';
import { formatTime } from '../lib/account';
import { getApplications } from '../lib/applications';
import { BackLink } from '../ui/back-link';
import { CardList } from '../ui/card-list';
import { useTitle } from '../ui/title';
import { DiscardDraft } from './discard-draft';
import { StatusTag } from './status-tag';
import { stepPath } from './steps';

/** `/applications` 报名进度: the parent's applications, newest first, each leading to its progress. */
export function ApplicationsPage() {
  const list = useSignedInRead(getApplications);
  useTitle(() => zhApply.progress.title);
  return (
    <Show when={list()}>
      {(items) => (
        <>
          <BackLink href="/me">{zhCN.me.title}</BackLink>
          <h1 class="page-title">{zhApply.progress.title}</h1>
          <CardList items={items()} empty={zhApply.progress.none}>
            {(a) => (
              <li>
                <A class="card application-card" href={stepPath(a.id, 'progress')}>
                  <span class="progress-head">
                    <span class="apply-child">{a.childName}</span>
                    <StatusTag status={a.status} name={a.statusName} />
                  </span>
                  <span>{a.entryName}</span>
                  <span class="card-meta">
                    <span class="id-masked">{a.number}</span>
                    <span>{a.submittedAt ? formatTime(a.submittedAt) : ''}</span>
                  </span>
                  <Show when={a.status === 'submitted'}>
                    <span class="muted">{zhApply.progress.withdrawalsLeft(a.withdrawalsLeft)}</span>
                  </Show>
                </A>
                <Show when={a.status === 'draft'}>
                  <DiscardDraft applicationId={a.id} entryName={a.entryName} number={a.number} />
                </Show>
              </li>
            )}
          </CardList>
        </>
      )}
    </Show>
  );
}

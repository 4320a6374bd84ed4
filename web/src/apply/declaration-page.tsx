import { A, createAsync, revalidate, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { FormError } from '../account/field';
import { useSignedInRead } from '../account/signed-in';
import { zhApply } from '../i18n/zh-CN-apply';
import { getChildren } from '../lib/account';
import { getApplications } from '../lib/applications';
import { getChannels, getEntryRegion, getPages } from '../lib/catalog';
import { NotFoundError } from '../lib/errors';
import { api } from '../lib/trpc';
import { ready } from '../lib/ready';
import { useWrite, write } from '../lib/write';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';
import { PageBody } from '../parent/page-body';
import { DiscardDraft } from './discard-draft';
import { stepPath } from './steps';

/** 我已阅读并同意: opens the application; the list of applications is read again in the background. */
const startApplication = write('apply.start', async (input: { childId: string; entryId: string; grade?: number }) => {
  const started = await api.applications.start.mutate({ ...input, acceptDeclaration: true });
  void revalidate(getApplications.key);
  return started;
});

/**
 * `/entries/:entryId/apply/declaration?child=…&grade=…`: the region's 报名须知, then 我已阅读并同意 opens the
 * application (`applications.start`) and leads to its first step, the channel.
 */
export function DeclarationPage() {
  const params = useParams<{ entryId: string }>();
  const [search] = useSearchParams<{ child?: string; grade?: string }>();
  const navigate = useNavigate();
  const entry = createAsync(() => getChannels(params.entryId));
  const declaration = createAsync(async () => {
    const region = await getEntryRegion(params.entryId);
    const page = (await getPages(region.id)).find((p) => p.slug === 'declaration');
    if (!page) throw new NotFoundError('declaration');
    return page;
  });
  const children = useSignedInRead(getChildren);
  const child = () => children()?.find((c) => c.id === search.child);
  const start = useWrite(startApplication);
  const pending = start.pending;
  const problem = start.problem;
  const error = () => {
    const p = problem();
    return p && (Object.values(p.fields).find(Boolean) ?? p.message);
  };
  const exists = () => problem()?.domainCode === 'APPLICATION_EXISTS';
  useTitle(() => zhApply.apply.declarationTitle);

  const agree = async () => {
    const grade = search.grade ? Number(search.grade) : undefined;
    const started = await start.run({ childId: search.child ?? '', entryId: params.entryId, grade });
    if (started?.ok) navigate(stepPath(started.value.applicationId, 'channel'), { replace: true });
  };

  return (
    <Show when={ready(entry(), declaration(), children())}>
      <BackLink href={`/entries/${params.entryId}/apply`}>{zhApply.apply.chooseChild}</BackLink>
      <Show when={child()}>
        {(c) => (
          <p class="apply-who">
            <span class="apply-child">{c().name}</span>
            <span class="muted">{entry()!.entry.name}</span>
          </p>
        )}
      </Show>
      <h1 class="page-title">{declaration()!.title}</h1>
      <PageBody html={declaration()!.html} />
      <Show when={!child()}>
        <FormError message={zhApply.apply.chooseChild} />
      </Show>
      <FormError message={error()} />
      <Show when={exists()}>
        <Show
          when={problem()?.existing?.status === 'draft' && problem()?.existing}
          fallback={
            <A class="button button-block" href="/applications">
              {zhApply.apply.existing}
            </A>
          }
        >
          {(draft) => (
            <DiscardDraft
              applicationId={draft().applicationId}
              entryName={draft().entryName}
              number={draft().number}
              onDiscarded={() => start.clear()}
            />
          )}
        </Show>
      </Show>
      <div class="cta">
        <button type="button" class="button button-primary button-block" disabled={pending() || !child()} onClick={agree}>
          {pending() ? zhApply.apply.starting : zhApply.apply.agree}
        </button>
      </div>
    </Show>
  );
}

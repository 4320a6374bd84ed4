import { A, createAsync, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getPages } from '../lib/catalog';
import { NotFoundError } from '../lib/errors';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';
import { PageBody } from './page-body';
import { BureauContact } from '../ui/contact-line';

/** `/regions/:regionId/pages/:slug`: 招生工作方案, 家长操作手册, 常见问题, 报名须知. */
export function PolicyPage() {
  const params = useParams<{ regionId: string; slug: string }>();
  const data = createAsync(async () => {
    // Read the params before awaiting: after the await, a navigation in progress still shows the old ones.
    const { regionId, slug } = params;
    const pages = await getPages(regionId);
    const page = pages.find((p) => p.slug === slug);
    if (!page) throw new NotFoundError(slug);
    return { page, others: pages.filter((p) => p !== page) };
  });
  useTitle(() => data()?.page.title);

  return (
    <Show when={data()}>
      {(d) => (
        <>
          <BackLink href="/">{zhCN.home}</BackLink>
          <article>
            <h1 class="page-title">{d().page.title}</h1>
            <PageBody html={d().page.html} />
            <BureauContact regionId={params.regionId} />
          </article>
          <nav class="section link-list" aria-label={zhCN.help.heading}>
            <For each={d().others}>
              {(page) => <A href={`/regions/${params.regionId}/pages/${page.slug}`}>{zhCN.pages[page.slug] ?? page.title}</A>}
            </For>
            <A href={`/regions/${params.regionId}/schools`}>{zhCN.help.schools}</A>
          </nav>
        </>
      )}
    </Show>
  );
}

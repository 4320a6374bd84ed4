import { createAsync, revalidate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { zhPages } from '../i18n/zh-CN-pages';
import { StaffField } from './staff-field';
import { api, type RouterInputs, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { getSeasonPages } from './data';
import { staffTitle } from './format';

type Season = RouterOutputs['admin']['pages'][number];
type Page = Season['pages'][number];

/** The renderer the server stores pages with, loaded only when the editor opens: parents' pages never load it. */
const loadRenderer = () => import('../../../src/render/policy-markdown').then((m) => m.renderPolicyMarkdown);

const updatePage = write('staff.updatePage', async (input: RouterInputs['admin']['updatePage']) => {
  const saved = await api.admin.updatePage.mutate(input);
  await revalidate(getSeasonPages.key);
  return saved;
});
const createPage = write('staff.createPage', async (input: RouterInputs['admin']['createPage']) => {
  const created = await api.admin.createPage.mutate(input);
  await revalidate(getSeasonPages.key);
  return created;
});
const orderPages = write('staff.orderPages', async (input: RouterInputs['admin']['orderPages']) => {
  await api.admin.orderPages.mutate(input);
  await revalidate(getSeasonPages.key);
});

/** `/staff/admin/pages` (admin): a season's policy pages, each edited in Markdown with a live preview as parents will see it. */
export function PagesPage() {
  staffTitle(zhPages.title);
  const seasons = createAsync(() => getSeasonPages());
  const [search, setSearch] = useSearchParams<{ season?: string; page?: string }>();
  const season = () => seasons()?.find((s) => s.id === search.season) ?? seasons()?.[0];
  const page = () => season()?.pages.find((p) => p.slug === search.page) ?? season()?.pages[0];
  const [notice, setNotice] = createSignal<string>();
  const ordering = useWrite(orderPages);

  const move = async (from: number, by: -1 | 1) => {
    const list = [...season()!.pages];
    const [moved] = list.splice(from, 1);
    list.splice(from + by, 0, moved!);
    setNotice(undefined);
    const done = await ordering.run({ seasonId: season()!.id, pages: list.map((p) => ({ pageId: p.id, version: p.version })) });
    if (done?.ok) setNotice(zhPages.orderSaved);
  };

  return (
    <div class="staff-page">
      <h1 class="staff-title">{zhPages.title}</h1>
      <p class="staff-muted">{zhPages.intro}</p>
      <Show when={notice()}>
        <p class="staff-notice" role="status">
          {notice()}
        </p>
      </Show>
      <Show when={seasons()?.length === 0}>
        <p>{zhPages.none}</p>
      </Show>
      <Show when={(seasons()?.length ?? 0) > 1}>
        <div class="staff-field">
          <label for="pages-season">{zhPages.season}</label>
          <select
            id="pages-season"
            class="staff-select"
            value={season()?.id}
            onChange={(e) => setSearch({ season: e.currentTarget.value, page: undefined })}
          >
            <For each={seasons()}>{(s) => <option value={s.id}>{`${s.regionName} · ${s.name}`}</option>}</For>
          </select>
        </div>
      </Show>
      <Show when={season()}>
        {(s) => (
          <div class="pages-layout">
            <nav class="staff-panel pages-list" aria-label={zhPages.list}>
              <ol>
                <For each={s().pages}>
                  {(p, i) => (
                    <li>
                      <button
                        type="button"
                        class="pages-pick"
                        aria-current={p.id === page()?.id ? 'page' : undefined}
                        onClick={() => setSearch({ page: p.slug })}
                      >
                        {p.title}
                      </button>
                      <span class="pages-move">
                        <button
                          type="button"
                          class="staff-button staff-button-small"
                          aria-label={zhPages.moveUp(p.title)}
                          disabled={i() === 0 || ordering.pending()}
                          onClick={() => void move(i(), -1)}
                        >
                          {zhPages.up}
                        </button>
                        <button
                          type="button"
                          class="staff-button staff-button-small"
                          aria-label={zhPages.moveDown(p.title)}
                          disabled={i() === s().pages.length - 1 || ordering.pending()}
                          onClick={() => void move(i(), 1)}
                        >
                          {zhPages.down}
                        </button>
                      </span>
                    </li>
                  )}
                </For>
              </ol>
              <Show when={ordering.problem()}>
                <p class="staff-field-error" role="alert">
                  {ordering.problem()!.message}
                </p>
              </Show>
              <CreatePage
                seasonId={s().id}
                onCreated={(slug, title) => {
                  setSearch({ page: slug });
                  setNotice(zhPages.created(title));
                }}
              />
            </nav>
            {/* One editor per page: reading the list again (after a save, a new page, an order) keeps what is typed. */}
            <Show when={page()?.id} keyed>
              {(_pageId) => <PageEditor page={page()!} onSaved={(title) => setNotice(zhPages.saved(title))} />}
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}

/**
 * One page's title and Markdown, the preview beside them. The version saved on is the one this editor loaded (or last
 * saved): a save after someone else's is refused with CONFLICT, and the editor offers to reload theirs.
 */
function PageEditor(props: { page: Page; onSaved: (title: string) => void }) {
  const [title, setTitle] = createSignal(props.page.title);
  const [body, setBody] = createSignal(props.page.body);
  const [version, setVersion] = createSignal(props.page.version);
  const [render] = createResource(loadRenderer);
  const preview = () => render()?.(body());
  const saving = useWrite(updatePage);
  const conflict = () => saving.problem()?.code === 'CONFLICT';
  const fieldError = (name: string) => saving.problem()?.fields[name];
  const formError = () => {
    const p = saving.problem();
    return p && !p.fields.title && !p.fields.body ? p.message : undefined;
  };
  const changed = () => title() !== props.page.title || body() !== props.page.body;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const saved = await saving.run({ pageId: props.page.id, version: version(), title: title().trim(), body: body() });
    if (saved?.ok) {
      setVersion(saved.value.version);
      props.onSaved(title().trim());
    }
  };
  const reload = async () => {
    saving.clear();
    await revalidate(getSeasonPages.key);
    const fresh = (await api.admin.pages.query()).flatMap((s) => s.pages).find((p) => p.id === props.page.id);
    if (!fresh) return;
    setTitle(fresh.title);
    setBody(fresh.body);
    setVersion(fresh.version);
  };

  return (
    <section class="staff-panel pages-editor" aria-labelledby="pages-editor-title">
      <h2 id="pages-editor-title" class="staff-section-title">
        {props.page.title}
      </h2>
      <form class="staff-form" onSubmit={(e) => void save(e)} novalidate>
        <StaffField id="page-title" label={zhPages.pageTitle} error={fieldError('title')}>
          <input
            id="page-title"
            class="staff-input"
            maxlength="40"
            value={title()}
            aria-invalid={!!fieldError('title')}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </StaffField>
        <div class="pages-panes">
          <StaffField id="page-body" label={zhPages.body} error={fieldError('body')} hint={zhPages.bodyHint}>
            <textarea
              id="page-body"
              class="staff-input staff-textarea pages-source"
              rows="24"
              value={body()}
              aria-invalid={!!fieldError('body')}
              aria-describedby="page-body-note"
              onInput={(e) => setBody(e.currentTarget.value)}
            />
          </StaffField>
          <div class="staff-field">
            <h3 id="page-preview-title" class="pages-preview-title">
              {zhPages.preview}
            </h3>
            <Show when={preview() !== undefined} fallback={<p class="staff-muted">{zhPages.previewLoading}</p>}>
              {/* The same renderer as the server's save: raw HTML stays text, only safe links, no images. */}
              <section class="prose pages-preview" aria-labelledby="page-preview-title" innerHTML={preview()} />
            </Show>
          </div>
        </div>
        <Show when={formError()}>
          <div class="staff-form-error" role="alert">
            <p>{formError()}</p>
            <Show when={conflict()}>
              <p class="staff-muted">{zhPages.reloadHint}</p>
              <button type="button" class="staff-button" onClick={() => void reload()}>
                {zhPages.reload}
              </button>
            </Show>
          </div>
        </Show>
        <div class="pages-actions">
          <button type="submit" class="staff-button staff-button-primary" disabled={saving.pending()}>
            {saving.pending() ? zhPages.saving : zhPages.save}
          </button>
          <Show when={changed()}>
            <span class="staff-muted">{zhPages.unsaved}</span>
          </Show>
        </div>
      </form>
    </section>
  );
}

function CreatePage(props: { seasonId: string; onCreated: (slug: string, title: string) => void }) {
  const [slug, setSlug] = createSignal('');
  const [title, setTitle] = createSignal('');
  const creating = useWrite(createPage);
  const fieldError = (name: string) => creating.problem()?.fields[name];
  const formError = () => {
    const p = creating.problem();
    return p && !p.fields.slug && !p.fields.title ? p.message : undefined;
  };
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await creating.run({ seasonId: props.seasonId, slug: slug().trim(), title: title().trim(), body: '' });
    if (!done?.ok) return;
    props.onCreated(slug().trim(), title().trim());
    setSlug('');
    setTitle('');
  };
  return (
    <form class="staff-form pages-create" onSubmit={(e) => void create(e)} novalidate aria-labelledby="pages-create-title">
      <h2 id="pages-create-title" class="pages-preview-title">
        {zhPages.create}
      </h2>
      <StaffField id="new-page-title" label={zhPages.pageTitle} error={fieldError('title')}>
        <input id="new-page-title" class="staff-input" maxlength="40" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </StaffField>
      <StaffField id="new-page-slug" label={zhPages.slug} error={fieldError('slug')} hint={zhPages.slugHint}>
        <input
          id="new-page-slug"
          class="staff-input staff-mono"
          maxlength="40"
          value={slug()}
          aria-describedby="new-page-slug-note"
          onInput={(e) => setSlug(e.currentTarget.value)}
        />
      </StaffField>
      <Show when={formError()}>
        <p class="staff-field-error" role="alert">
          {formError()}
        </p>
      </Show>
      <button type="submit" class="staff-button" disabled={creating.pending()}>
        {zhPages.create}
      </button>
    </form>
  );
}

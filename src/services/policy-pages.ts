import { asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { commitChange } from '../../db/change';
import { rowExists } from '../../db/exists';
import { pages, regions, seasons } from '../../db/schema';
import type { AppDeps } from '../deps';
import { DomainError, fieldError } from '../domain/errors';
import { newId } from '../domain/ids';
import { bodyRefusal, decidePageEdit, decidePageOrder, pageMessages } from '../domain/policy-pages';
import { reorderRows } from '../../db/reorder';
import { auditStatement } from './audit';
import type { SignedInStaff } from './staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'renderMarkdown'>;
type Request = { ip: string | null; requestId: string | null };

const author = (admin: SignedInStaff, request: Request) => ({ staffId: admin.staffId, username: admin.username, ...request });

/**
 * Every season (newest first, or the one asked for) with its policy pages in order, Markdown and rendered HTML, for
 * administrators and county reviewers.
 */
export async function listSeasonPages(db: Deps['db'], render: Deps['renderMarkdown'], seasonId?: string) {
  const seasonRows = await db
    .select({ id: seasons.id, name: seasons.name, year: seasons.year, regionName: regions.name })
    .from(seasons)
    .innerJoin(regions, eq(regions.id, seasons.regionId))
    .where(seasonId ? eq(seasons.id, seasonId) : undefined)
    .orderBy(desc(seasons.year), asc(regions.sort), asc(seasons.code));
  if (seasonId && seasonRows.length === 0) throw new DomainError('SEASON_NOT_FOUND', pageMessages.seasonNotFound);
  const pageRows = seasonRows.length
    ? await db
        .select()
        .from(pages)
        .where(
          inArray(
            pages.seasonId,
            seasonRows.map((s) => s.id),
          ),
        )
        .orderBy(asc(pages.sort))
    : [];
  return Promise.all(
    seasonRows.map(async (season) => ({
      ...season,
      pages: await Promise.all(
        pageRows
          .filter((p) => p.seasonId === season.id)
          .map(async (p) => ({
            id: p.id,
            slug: p.slug,
            title: p.title,
            body: p.body,
            html: p.html ?? (await render(p.body)),
            version: p.version,
            updatedAt: p.updatedAt.toISOString(),
          })),
      ),
    })),
  );
}

function refuse(refusal: { code: 'PAGE_NOT_FOUND' | 'PAGE_CHANGED' | 'INVALID_INPUT'; message: string; field?: 'body' }): never {
  if (refusal.field) throw fieldError(refusal.field, refusal.message);
  throw new DomainError(refusal.code, refusal.message);
}

/**
 * An administrator saves a page's title and Markdown body, made on `version`: the HTML is rendered here and stored
 * with it, so parents' pages load no Markdown code. The guarded commit writes the page and, only where the change won,
 * its audit entry (before and after): a stale or racing save writes neither and answers CONFLICT.
 */
export async function updatePage(
  deps: Deps,
  admin: SignedInStaff,
  input: { pageId: string; version: number; title: string; body: string },
  request: Request,
) {
  const { db } = deps;
  const [page] = await db.select().from(pages).where(eq(pages.id, input.pageId));
  const tooLong = bodyRefusal(input.body);
  const decision = decidePageEdit(page, input, tooLong ? '' : await deps.renderMarkdown(input.body));
  if (!decision.ok) refuse(decision);
  const now = deps.clock.now();
  const done = await commitChange(db, deps.random, {
    table: pages,
    key: { column: pages.id, value: input.pageId },
    guard: decision.guard,
    set: { ...decision.set, updatedAt: now },
    nonce: pages.changeNonce,
    returning: { version: pages.version, html: pages.html },
    followUps: (won) => [auditStatement(db, { ...author(admin, request), action: 'page_update', detail: decision.audit, at: now }, won)],
  });
  if (!done.won) throw new DomainError('PAGE_CHANGED', pageMessages.changed);
  return { id: input.pageId, version: done.row.version, html: done.row.html ?? '' };
}

/** An administrator adds a page to a season, after its other pages; its address is unique within the season. */
export async function createPage(
  deps: Deps,
  admin: SignedInStaff,
  input: { seasonId: string; slug: string; title: string; body: string },
  request: Request,
) {
  const { db } = deps;
  const [season] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.id, input.seasonId));
  if (!season) throw new DomainError('SEASON_NOT_FOUND', pageMessages.seasonNotFound);
  const tooLong = bodyRefusal(input.body);
  if (tooLong) throw fieldError('body', tooLong);
  const html = await deps.renderMarkdown(input.body);
  const id = newId(deps.random);
  const now = deps.clock.now();
  const nextSort: SQL<number> = sql`(SELECT coalesce(max(${pages.sort}), -1) + 1 FROM ${pages} WHERE ${pages.seasonId} = ${input.seasonId})`;
  const [inserted] = await db.batch([
    db
      .insert(pages)
      .values({
        id,
        seasonId: input.seasonId,
        slug: input.slug,
        title: input.title,
        body: input.body,
        html,
        sort: nextSort,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [pages.seasonId, pages.slug] }),
    auditStatement(
      db,
      {
        ...author(admin, request),
        action: 'page_create',
        detail: { pageId: id, seasonId: input.seasonId, after: { slug: input.slug, title: input.title, body: input.body } },
        at: now,
      },
      rowExists(pages, eq(pages.id, id)),
    ),
  ]);
  if (inserted.rowsAffected === 0) throw new DomainError('PAGE_EXISTS', pageMessages.exists);
  return { id, version: 0 };
}

/**
 * An administrator sets the order of a season's pages, naming each with the version it was seen at. One batch: the
 * audit entry only while every page is still at its version, then one update of them all under the same condition,
 * so the order is written whole or not at all.
 */
export async function orderPages(
  deps: Deps,
  admin: SignedInStaff,
  input: { seasonId: string; pages: { pageId: string; version: number }[] },
  request: Request,
) {
  const { db } = deps;
  const current = await db.select().from(pages).where(eq(pages.seasonId, input.seasonId)).orderBy(asc(pages.sort));
  if (current.length === 0) throw new DomainError('SEASON_NOT_FOUND', pageMessages.seasonNotFound);
  const decision = decidePageOrder(current, input.pages);
  if (!decision.ok) refuse(decision);
  const now = deps.clock.now();
  const { allStillAt, update } = reorderRows(db, pages, eq(pages.seasonId, input.seasonId), decision, now);
  const [, updated] = await db.batch([
    auditStatement(
      db,
      {
        ...author(admin, request),
        action: 'page_order',
        detail: { seasonId: input.seasonId, before: decision.before, after: decision.after },
        at: now,
      },
      allStillAt,
    ),
    update,
  ]);
  if (updated.length === 0) throw new DomainError('PAGE_CHANGED', pageMessages.changed);
  return { pages: decision.sort.map((s) => ({ pageId: s.id, version: updated.find((u) => u.id === s.id)!.version })) };
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applications, children, entries, seasons, windows } from '../../../db/schema';
import { statusNames } from '../../domain/application-status';
import { childFit } from '../../domain/child-fit';
import { DomainError } from '../../domain/errors';
import { windowState } from '../../domain/window';

/**
 * For each of the parent's children, whether it may start an application in `entryId` (the rule is
 * `domain/child-fit`), with the application of this season that is in the way, if any.
 */
export async function childrenFit(db: Db, accountId: string, entryId: string, now: Date) {
  const [row] = await db
    .select({ entry: entries, window: windows, season: seasons })
    .from(entries)
    .innerJoin(windows, eq(windows.entryId, entries.id))
    .innerJoin(seasons, eq(seasons.id, entries.seasonId))
    .where(eq(entries.id, entryId));
  if (!row) throw new DomainError('ENTRY_NOT_FOUND', '找不到该报名入口');
  const { entry, window, season } = row;
  const own = await db.select().from(children).where(eq(children.accountId, accountId)).orderBy(asc(children.createdAt));
  const existing = own.length
    ? await db
        .select({ a: applications, entryName: entries.name })
        .from(applications)
        .innerJoin(entries, eq(entries.id, applications.entryId))
        .where(
          and(
            eq(applications.seasonId, season.id),
            inArray(
              applications.childId,
              own.map((c) => c.id),
            ),
          ),
        )
    : [];
  const windowOpen = windowState(window, now) === 'open';
  return own.map((child) => {
    const found = existing.find((e) => e.a.childId === child.id);
    const application = found
      ? {
          applicationId: found.a.id,
          entryId: found.a.entryId,
          entryName: found.entryName,
          number: found.a.number,
          status: found.a.status,
          statusName: statusNames[found.a.status],
        }
      : null;
    const fit = childFit({ entry, seasonYear: season.year, windowOpen, child, existing: application });
    return { childId: child.id, fit, existing: application };
  });
}

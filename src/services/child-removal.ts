import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, children, documents, entries } from '../../db/schema';
import { statusesThatKeepChildBound, statusNames } from '../domain/application-status';
import { DomainError } from '../domain/errors';

/**
 * What unbinding a child would destroy, for the confirm step of 删除孩子: the applications that go with it (drafts and
 * withdrawn ones: entry, 编号, status) and how many uploaded files each holds; or that the child cannot be removed.
 */
export async function removalPreview(db: Db, accountId: string, childId: string) {
  const [child] = await db
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.id, childId), eq(children.accountId, accountId)));
  if (!child) throw new DomainError('CHILD_NOT_FOUND', '找不到该孩子');
  const rows = await db
    .select({ a: applications, entryName: entries.name, files: count(documents.id) })
    .from(applications)
    .innerJoin(entries, eq(entries.id, applications.entryId))
    .leftJoin(documents, eq(documents.applicationId, applications.id))
    .where(and(eq(applications.childId, childId), eq(applications.accountId, accountId)))
    .groupBy(applications.id);
  const blocked = rows.some((r) => statusesThatKeepChildBound.includes(r.a.status));
  return {
    removable: !blocked,
    destroys: blocked
      ? []
      : rows.map((r) => ({
          applicationId: r.a.id,
          entryName: r.entryName,
          number: r.a.number,
          status: r.a.status,
          statusName: statusNames[r.a.status],
          files: r.files,
        })),
  };
}

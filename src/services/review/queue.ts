import { aliasedTable, and, asc, count, desc, eq, gte, inArray, isNotNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applications, channels, children, entries, schools, tracks } from '../../../db/schema';
import type { ApplicationStatus } from '../../domain/application-status';
import { statusNames } from '../../domain/application-status';
import { channelLabel } from '../../domain/catalog';
import { maskName } from '../../domain/masking';
import type { CheckResult } from '../../domain/verification';
import type { SignedInStaff } from '../staff/sessions';
import { propertyLockedSql } from '../property-locks';
import { childNameContains } from './name-search';
import { scopeOf } from './scope';

export interface QueueFilters {
  entryId?: string;
  channelId?: string;
  status?: ApplicationStatus;
  schoolId?: string;
  submittedFrom?: Date;
  submittedTo?: Date;
  /** An application number (or its start), or part of the child's name. */
  q?: string;
  /** The worst result of the system checks. */
  verification?: CheckResult;
  /** 驳回后重新提交: submitted again after a rejection. */
  resubmitted?: boolean;
  /** 一房一位: the property check found the property locked by another child's admission. */
  propertyLocked?: boolean;
}

const first = aliasedTable(schools, 'first_school');
const second = aliasedTable(schools, 'second_school');

/** `TA24-1-7K3M9Q` or its start: searched by range on the unique index; anything else searches names. */
const looksLikeNumber = (q: string) => /^[a-z]{2}\d{0,2}(-|$)/i.test(q) && /\d/.test(q);

export function queueWhere(member: SignedInStaff, f: QueueFilters): SQL | undefined {
  const q = f.q?.trim();
  return and(
    ne(applications.status, 'draft'),
    scopeOf(member),
    f.entryId ? eq(applications.entryId, f.entryId) : undefined,
    f.channelId ? eq(applications.channelId, f.channelId) : undefined,
    f.status ? eq(applications.status, f.status) : undefined,
    f.verification ? eq(applications.verification, f.verification) : undefined,
    f.resubmitted ? and(eq(applications.status, 'submitted'), isNotNull(applications.rejection)) : undefined,
    f.propertyLocked ? propertyLockedSql : undefined,
    f.schoolId ? or(eq(applications.firstSchoolId, f.schoolId), eq(applications.secondSchoolId, f.schoolId)) : undefined,
    f.submittedFrom ? gte(applications.submittedAt, f.submittedFrom) : undefined,
    f.submittedTo ? lt(applications.submittedAt, f.submittedTo) : undefined,
    q && looksLikeNumber(q)
      ? and(gte(applications.number, q.toUpperCase()), lt(applications.number, `${q.toUpperCase()}\uffff`))
      : undefined,
    q && !looksLikeNumber(q) ? childNameContains(q) : undefined,
  );
}

/** The rows of the queue (and of the export): masked names, no ID numbers. */
export function queueRows(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      version: applications.version,
      childName: children.name,
      childIdMasked: children.idMasked,
      entryName: entries.name,
      grade: applications.grade,
      trackName: tracks.name,
      channelName: channels.name,
      firstSchool: first.name,
      secondSchool: second.name,
      community: applications.community,
      withdrawCount: applications.withdrawCount,
      submittedAt: applications.submittedAt,
      sibling: applications.sibling,
      verification: applications.verification,
      rejectedBefore: sql<number>`${applications.rejection} IS NOT NULL`,
      propertyLocked: propertyLockedSql,
    })
    .from(applications)
    .innerJoin(children, eq(children.id, applications.childId))
    .innerJoin(entries, eq(entries.id, applications.entryId))
    .leftJoin(tracks, eq(tracks.id, applications.trackId))
    .leftJoin(channels, eq(channels.id, applications.channelId))
    .leftJoin(first, eq(first.id, applications.firstSchoolId))
    .leftJoin(second, eq(second.id, applications.secondSchoolId))
    .where(where);
}

export type QueueRow = Awaited<ReturnType<typeof queueRows>>[number];

export const rowView = (r: QueueRow) => ({
  id: r.id,
  number: r.number,
  status: r.status,
  statusName: statusNames[r.status],
  version: r.version,
  childName: maskName(r.childName),
  childIdMasked: r.childIdMasked,
  entryName: r.entryName,
  grade: r.grade,
  channelName: r.channelName && channelLabel({ entry: r.entryName, track: r.trackName, channel: r.channelName }),
  firstSchool: r.firstSchool,
  secondSchool: r.secondSchool,
  community: r.community,
  withdrawCount: r.withdrawCount,
  siblingPriority: r.sibling !== null,
  verification: r.verification,
  /** 驳回后重新提交 */
  resubmitted: r.status === 'submitted' && Boolean(r.rejectedBefore),
  /** 一房一位: the property is locked by another child's admission. */
  propertyLocked: Boolean(r.propertyLocked),
  submittedAt: r.submittedAt?.toISOString() ?? null,
});

/**
 * The review queue: filtered, sorted, a page at a time, with the total for the pager. The page's ids are found on
 * the applications table alone (its indexes; a name search through `child_name_grams`), then only those fifty rows
 * are joined for display.
 */
export async function reviewQueue(
  db: Db,
  member: SignedInStaff,
  f: QueueFilters & { sort: 'submittedAt' | 'number'; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const where = queueWhere(member, f);
  const by = f.sort === 'number' ? applications.number : applications.submittedAt;
  const order = [f.order === 'asc' ? asc(by) : desc(by), asc(applications.id)];
  const [page, [counted]] = await Promise.all([
    db
      .select({ id: applications.id })
      .from(applications)
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(applications).where(where),
  ]);
  const rows = page.length
    ? await queueRows(
        db,
        inArray(
          applications.id,
          page.map((r) => r.id),
        ),
      ).orderBy(...order)
    : [];
  return { rows: rows.map(rowView), total: counted?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

import { chinaDayStart } from './format';
import type { QueueInput } from './data';

/** The queue's state in the address bar: shareable, and kept by the back button. */
export interface QueueSearch {
  entry?: string;
  channel?: string;
  status?: string;
  school?: string;
  from?: string;
  to?: string;
  q?: string;
  verification?: string;
  /** '1': only 驳回后重新提交 */
  resubmitted?: string;
  /** '1': only 一房一位 (the property is locked by another child's admission) */
  locked?: string;
  sort?: string;
  order?: string;
  page?: string;
  size?: string;
}

export const queueStatuses = [
  'submitted',
  'rejected',
  'withdrawn',
  'preliminarily_approved',
  'school_approved',
  'admitted',
  'not_admitted',
] as const;
export const verificationResults = ['pass', 'fail', 'manual', 'pending'] as const;
export const pageSizes = [20, 50, 100] as const;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export function filtersOf(s: QueueSearch) {
  const status = one(s.status);
  const from = one(s.from);
  const to = one(s.to);
  const verification = one(s.verification);
  return {
    entryId: one(s.entry),
    channelId: one(s.channel),
    status: queueStatuses.find((x) => x === status),
    schoolId: one(s.school),
    submittedFrom: from ? chinaDayStart(from) : undefined,
    // The day picked is included: up to the start of the next day.
    submittedTo: to ? chinaDayStart(to, 1) : undefined,
    q: one(s.q)?.trim() || undefined,
    verification: verificationResults.find((x) => x === verification),
    resubmitted: one(s.resubmitted) === '1' ? true : undefined,
    propertyLocked: one(s.locked) === '1' ? true : undefined,
  };
}

export type QueueQuery = QueueInput & { sort: 'submittedAt' | 'number'; order: 'asc' | 'desc'; page: number; pageSize: number };

export function queueInputOf(s: QueueSearch): QueueQuery {
  const size = Number(one(s.size));
  const page = Number(one(s.page));
  return {
    ...filtersOf(s),
    sort: one(s.sort) === 'number' ? 'number' : 'submittedAt',
    order: one(s.order) === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    pageSize: pageSizes.find((n) => n === size) ?? 50,
  };
}

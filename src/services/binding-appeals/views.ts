import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/client';
import { accounts, applications, bindingAppeals, staff } from '../../../db/schema';
import { statusNames } from '../../domain/application-status';
import {
  appealStatusNames,
  type RecordsFinding,
  recordsFindingNames,
  type StaffReason,
  staffReasonNames,
} from '../../domain/binding-appeal';
import { maskPhone } from '../../domain/masking';

type Evidence = {
  records?: RecordsFinding;
  parentIdMasked?: string;
  childName?: string;
  childIdMasked?: string;
  holderConfirmed?: boolean;
  holderSubmitted?: boolean;
  waitsFor?: StaffReason;
};

const common = (a: typeof bindingAppeals.$inferSelect) => {
  const e = a.evidence as Evidence;
  return {
    id: a.id,
    status: a.status,
    statusName: appealStatusNames[a.status],
    childName: e.childName ?? '',
    childIdMasked: e.childIdMasked ?? '',
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
    settledAt: a.settledAt?.toISOString() ?? null,
    settledByRecords: a.settledBy === 'records',
    settlement: a.settlement,
  };
};

/** 我的申诉: the claims this account filed, newest first. */
export async function listOwnClaims(db: Db, accountId: string) {
  const rows = await db
    .select()
    .from(bindingAppeals)
    .where(eq(bindingAppeals.claimantAccountId, accountId))
    .orderBy(desc(bindingAppeals.createdAt))
    .limit(50);
  return rows.map(common);
}

/**
 * Claims for staff: open ones oldest first (the queue), settled ones newest first. Phones masked; what the records
 * said and why the claim waits; the holder's applications for the child (a grant moves them with the child).
 */
export async function listAppealsForStaff(db: Db, filter: { status: 'open' | 'settled' }) {
  const claimant = alias(accounts, 'claimant');
  const holder = alias(accounts, 'holder');
  const rows = await db
    .select({ a: bindingAppeals, claimantPhone: claimant.phone, holderPhone: holder.phone, settledByName: staff.displayName })
    .from(bindingAppeals)
    .innerJoin(claimant, eq(claimant.id, bindingAppeals.claimantAccountId))
    .innerJoin(holder, eq(holder.id, bindingAppeals.holderAccountId))
    .leftJoin(staff, eq(staff.id, bindingAppeals.settledBy))
    .where(filter.status === 'open' ? eq(bindingAppeals.status, 'open') : ne(bindingAppeals.status, 'open'))
    .orderBy(filter.status === 'open' ? bindingAppeals.createdAt : desc(bindingAppeals.createdAt))
    .limit(200);
  const childIds = [...new Set(rows.map((r) => r.a.childId))];
  const apps =
    childIds.length === 0
      ? []
      : await db
          .select({
            childId: applications.childId,
            accountId: applications.accountId,
            number: applications.number,
            status: applications.status,
          })
          .from(applications)
          .where(and(inArray(applications.childId, childIds), ne(applications.status, 'draft')));
  return rows.map(({ a, claimantPhone, holderPhone, settledByName }) => {
    const e = a.evidence as Evidence;
    return {
      ...common(a),
      claimantPhoneMasked: maskPhone(claimantPhone),
      holderPhoneMasked: maskPhone(holderPhone),
      parentIdMasked: e.parentIdMasked ?? '',
      records: e.records ? recordsFindingNames[e.records] : '',
      waitsFor: e.waitsFor ? staffReasonNames[e.waitsFor] : null,
      settledByName: a.settledBy === 'records' ? '户籍信息核验' : settledByName,
      holderApplications: apps
        .filter((x) => x.childId === a.childId && x.accountId === a.holderAccountId)
        .map((x) => ({ number: x.number, statusName: statusNames[x.status] })),
    };
  });
}

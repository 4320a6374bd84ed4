import { and, asc, eq, gt, inArray, isNull, not, or, sql } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { commitChange } from '../../db/change';
import { noRowExists } from '../../db/exists';
import {
  accounts,
  agentMandates,
  applications,
  bindingAppeals,
  children,
  consents,
  messages,
  seasons,
  sessions,
  smsCodes,
} from '../../db/schema';
import type { AppDeps } from '../deps';
import { type AccountDeletionPlan, planAccountDeletion, statusesTakenBack, statusesWithTheBureau } from '../domain/account-deletion';
import { statusNames } from '../domain/application-status';
import { DomainError } from '../domain/errors';
import { applicationDeletion } from './applications/deletion';
import { auditStatement } from './audit';
import { discardUnclaimed } from './documents';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'files' | 'log'>;

const newer = alias(seasons, 'newer_season');

/** The region has published a newer season than this one (`seasons` of the enclosing query). */
const superseded = sql<boolean>`EXISTS (SELECT 1 FROM "seasons" AS "newer_season" WHERE ${and(
  eq(newer.regionId, seasons.regionId),
  gt(newer.year, seasons.year),
  eq(newer.status, 'published'),
)})`;

/** The seasons that are live at `now` (`seasonLive` of the domain rule, as a subquery). */
function liveSeasons(deps: Pick<AppDeps, 'db'>, now: Date) {
  return deps.db
    .select({ id: seasons.id })
    .from(seasons)
    .where(and(not(superseded), or(isNull(seasons.retainUntil), gt(seasons.retainUntil, now))));
}

async function planFor(deps: Pick<AppDeps, 'db'>, accountId: string, now: Date): Promise<AccountDeletionPlan> {
  const rows = await deps.db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      seasonName: seasons.name,
      retainUntil: seasons.retainUntil,
      superseded: superseded.mapWith(Boolean),
    })
    .from(applications)
    .innerJoin(seasons, eq(seasons.id, applications.seasonId))
    .where(eq(applications.accountId, accountId))
    .orderBy(asc(applications.createdAt));
  return planAccountDeletion(
    rows.map((r) => ({ ...r, season: { retainUntil: r.retainUntil, superseded: r.superseded } })),
    now,
  );
}

/** 注销账号's confirmation: what would be deleted and what is kept (until when), or why it cannot be done now. */
export async function accountDeletionPreview(deps: Pick<AppDeps, 'db' | 'clock'>, accountId: string) {
  const plan = await planFor(deps, accountId, deps.clock.now());
  if (!plan.ok) return { deletable: false as const, refusal: plan.message, deleted: [], kept: [] };
  const view = (a: (typeof plan.kept)[number]) => ({
    number: a.number,
    seasonName: a.seasonName,
    statusName: statusNames[a.status],
    retainUntil: a.season.retainUntil?.toISOString() ?? null,
  });
  return { deletable: true as const, refusal: null, deleted: plan.deleted.map(view), kept: plan.kept.map(view) };
}

/**
 * Deletes the account as `planAccountDeletion` says, in one guarded batch: the account's row takes a placeholder
 * for its phone (the change's nonce) and `deletedAt` only while none of its applications is with the bureau in a live
 * season, re-checked inside the batch, so a submission that commits first makes the deletion refuse, and one that
 * comes after finds its draft gone. Every other statement is written only where that update was this request's.
 */
export async function deleteAccount(deps: Deps, accountId: string, request: { ip: string | null; requestId: string | null }) {
  const { db } = deps;
  const now = deps.clock.now();
  const plan = await planFor(deps, accountId, now);
  if (!plan.ok) throw new DomainError(plan.code, plan.message);
  const live = liveSeasons(deps, now);
  const done = await commitChange(db, deps.random, {
    table: accounts,
    key: { column: accounts.id, value: accountId },
    guard: { deletedAt: null },
    also: [
      noRowExists(
        applications,
        eq(applications.accountId, accountId),
        inArray(applications.status, [...statusesWithTheBureau]),
        inArray(applications.seasonId, live),
      ),
    ],
    set: { deletedAt: now, updatedAt: now },
    nonce: accounts.phone,
    followUps: (won) => {
      const leaving = db
        .select({ id: applications.id })
        .from(applications)
        .where(
          and(
            eq(applications.accountId, accountId),
            or(
              eq(applications.status, 'draft'),
              and(inArray(applications.status, [...statusesTakenBack]), inArray(applications.seasonId, live)),
            ),
            won,
          ),
        );
      const ofAccount = (column: SQLiteColumn) => and(eq(column, accountId), won);
      return [
        auditStatement(
          db,
          {
            staffId: null,
            username: 'parent',
            action: 'account_delete',
            detail: { accountId, deletedApplications: plan.deleted.length, keptApplications: plan.kept.map((a) => a.number) },
            ip: request.ip,
            requestId: request.requestId,
            at: now,
          },
          won,
        ),
        ...applicationDeletion(db, leaving, now),
        db.delete(children).where(and(ofAccount(children.accountId), noRowExists(applications, eq(applications.childId, children.id)))),
        // A kept child no longer blocks binding the same child to a new account.
        db
          .update(children)
          .set({ idBlind: sql`'deleted:' || ${children.id}`, updatedAt: now })
          .where(ofAccount(children.accountId)),
        db.delete(messages).where(ofAccount(messages.accountId)),
        db
          .update(sessions)
          .set({ revokedAt: now })
          .where(and(ofAccount(sessions.accountId), isNull(sessions.revokedAt))),
        db.update(consents).set({ ip: null }).where(ofAccount(consents.accountId)),
        db.delete(bindingAppeals).where(and(eq(bindingAppeals.claimantAccountId, accountId), won)),
        db
          .update(agentMandates)
          .set({ endedAt: now })
          .where(and(ofAccount(agentMandates.accountId), isNull(agentMandates.endedAt))),
        db.delete(smsCodes).where(and(eq(smsCodes.accountId, accountId), won)),
      ] as const;
    },
  });
  if (!done.won) {
    const [account] = await db.select({ deletedAt: accounts.deletedAt }).from(accounts).where(eq(accounts.id, accountId));
    if (!account || account.deletedAt) throw new DomainError('SESSION_EXPIRED', '账号已注销');
    const again = await planFor(deps, accountId, now);
    throw new DomainError('ACCOUNT_HAS_LIVE_APPLICATION', again.ok ? '报名刚刚发生变化，请刷新后重试' : again.message);
  }
  const [, storedFiles] = done.results;
  for (const { storageKey } of storedFiles) await discardUnclaimed(deps, storageKey, 'a draft of a deleted account');
  return { deleted: true as const, kept: plan.kept.length };
}

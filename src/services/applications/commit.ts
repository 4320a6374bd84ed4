import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { commitChange, type Guard } from '../../../db/change';
import type { Db } from '../../../db/client';
import { preparedInsertWhen } from '../../../db/insert-when';
import type { BatchStatement, PreparedCondition } from '../../../db/prepared';
import { applicationHistory, applications } from '../../../db/schema';
import type { RandomSource } from '../../domain/random';
import type { Actor, ApplicationStatus } from '../../domain/application-status';
import type { RowGuard } from '../../domain/application';
import { newId } from '../../domain/ids';
import { applicationNoticeKey, noticeLink, smsText } from '../../domain/notices';
import { preparedNoticeMessage } from '../messages';
import { claimedOutboxRow, type OutboxRow, outboxRow, preparedOutboxRow } from '../outbox';
import type { LoadedApplication } from './load';

type Deps = { db: Db; random: RandomSource; publicUrl?: string };
type FollowUps = (won: SQL<boolean>, wonPrepared: PreparedCondition) => readonly BatchStatement[];

/** A decision's row guard as the guard of the applications row. */
export function applicationGuard(guard: RowGuard): Guard<typeof applications> {
  return {
    version: guard.version,
    accountId: guard.accountId,
    status: guard.statusIn ? { in: guard.statusIn } : guard.status,
    withdrawCount: guard.withdrawCountBelow === undefined ? undefined : { below: guard.withdrawCountBelow },
  };
}

export interface Transition {
  to: ApplicationStatus;
  actor: Actor;
  actorId: string | null;
  reason?: string | null;
  now: Date;
  /** Other columns the transition writes (withdraw count, reject reason, submitted time). */
  set?: Partial<typeof applications.$inferInsert>;
  /** The row guard the decision gave; the version the caller read is always part of it. */
  guard: RowGuard;
  /** The notice the decision chose. */
  notice: { title: string; body: string };
  /** The caller's own statements of the batch (an audit entry, a verification job), given `won`. */
  followUps?: FollowUps;
  /** The request that sends the SMS right after the commit (`sendClaimed`): its row is written claimed by it. */
  smsClaimedBy?: string;
}

/**
 * A state change of an application through the guarded commit: the status moves to the next version, and only where
 * that update was this change's the history row, the in-app message and the SMS are written. `key` is the SMS notice
 * for `sendNow`; with `smsClaimedBy`, `sms` is its row, written claimed, for `sendClaimed`.
 */
export async function commitTransition(
  deps: Deps,
  loaded: Pick<LoadedApplication, 'phone'> & {
    application: Pick<LoadedApplication['application'], 'id' | 'version' | 'status' | 'accountId'>;
  },
  change: Transition,
) {
  const { db } = deps;
  const { application } = loaded;
  const version = application.version + 1;
  const key = applicationNoticeKey(application.id, version);
  const { notice, now } = change;
  const smsOf = { idempotencyKey: key, phone: loaded.phone, body: smsText(notice.body, change.to, deps.publicUrl, noticeLink(key)) };
  const sms: OutboxRow | undefined = change.smsClaimedBy ? claimedOutboxRow(smsOf, now, change.smsClaimedBy) : undefined;
  const done = await commitChange(db, deps.random, {
    table: applications,
    key: { column: applications.id, value: application.id },
    guard: applicationGuard({ ...change.guard, version: application.version }),
    set: { ...change.set, status: change.to, version, updatedAt: now },
    nonce: applications.changeNonce,
    followUps: (won, wonPrepared) => [
      preparedInsertWhen(
        applicationHistory,
        {
          id: newId(deps.random),
          applicationId: application.id,
          version,
          fromStatus: application.status,
          toStatus: change.to,
          actor: change.actor,
          actorId: change.actorId,
          reason: change.reason ?? null,
          at: now,
        },
        wonPrepared,
      ),
      preparedNoticeMessage({ accountId: application.accountId, key, title: notice.title, body: notice.body, now }, wonPrepared),
      preparedOutboxRow(sms ?? outboxRow(smsOf, now), wonPrepared),
      ...(change.followUps?.(won, wonPrepared) ?? []),
    ],
  });
  // `sms` was written whenever the change won: its key names the version the change creates, which no row can hold before.
  return { won: done.won, key, version, sms };
}

/**
 * An edit of an application (form, channel, schools, a document) through the guarded commit: the columns and the
 * next version, under the edit's guard and `also` (conditions on other rows); the caller's statements follow.
 * The version moves on so that a submission prepared before the edit is refused as stale.
 */
export async function commitEdit<F extends readonly BatchStatement[] = []>(
  deps: Deps,
  edit: {
    applicationId: string;
    guard: RowGuard;
    also?: readonly (SQL | undefined)[];
    set?: SQLiteUpdateSetSource<typeof applications>;
    now: Date;
    followUps?: (won: SQL<boolean>, wonPrepared: PreparedCondition) => F;
  },
) {
  return commitChange(deps.db, deps.random, {
    table: applications,
    key: { column: applications.id, value: edit.applicationId },
    guard: applicationGuard(edit.guard),
    also: edit.also,
    set: { ...edit.set, version: sql`${applications.version} + 1`, updatedAt: edit.now },
    nonce: applications.changeNonce,
    returning: { version: applications.version },
    followUps: edit.followUps,
  });
}

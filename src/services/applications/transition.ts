import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { insertWhen } from '../../../db/insert-when';
import { applicationHistory, applications } from '../../../db/schema';
import type { Actor, ApplicationStatus } from '../../domain/application-status';
import { randomId } from '../../adapters/random';
import { statusNotice } from '../../domain/notices';
import { noticeMessage } from '../messages';
import { smsNotice } from '../outbox';
import type { LoadedApplication } from './load';

export interface TransitionChange {
  to: ApplicationStatus;
  actor: Actor;
  actorId: string | null;
  reason?: string | null;
  now: Date;
  /** Other columns the transition writes (withdraw count, reject reason, submitted time). */
  set?: Partial<typeof applications.$inferInsert>;
  /** Extra conditions the row must meet at the moment of the update (e.g. `withdraw_count < 2`). */
  when?: SQL;
  /** The notice the decision chose (else the standard notice of the target status). */
  notice?: { title: string; body: string };
}

/**
 * One state change as the statements of one batch: the conditional update (the version the caller read, so a
 * concurrent change makes it write nothing), then the history row, the in-app message and the SMS, each written
 * only where the update was this change's (keyed by a nonce). `key` is the SMS notice for `sendNow`.
 */
export function transitionStatements(db: Db, loaded: LoadedApplication, change: TransitionChange) {
  const { application } = loaded;
  const nonce = randomId();
  const version = application.version + 1;
  const won = sql`EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.id} = ${application.id} AND ${applications.changeNonce} = ${nonce})`;
  const notice = change.notice ?? statusNotice(change.to, { number: application.number, childName: loaded.child.name, reason: change.reason });
  const key = `application:${application.id}:v${version}`;
  const update = db.update(applications)
    .set({ ...change.set, status: change.to, version, changeNonce: nonce, updatedAt: change.now })
    .where(and(eq(applications.id, application.id), eq(applications.version, application.version), change.when));
  return {
    key,
    /** True inside the batch only where the update was this change's: for the caller's own follow-up rows. */
    won,
    statements: [
      update,
      insertWhen(db, applicationHistory, {
        id: randomId(), applicationId: application.id, version, fromStatus: application.status, toStatus: change.to,
        actor: change.actor, actorId: change.actorId, reason: change.reason ?? null, at: change.now,
      }, won),
      noticeMessage(db, { accountId: application.accountId, key, title: notice.title, body: notice.body, now: change.now, onlyIf: won }),
      smsNotice(db, { idempotencyKey: key, phone: loaded.phone, body: notice.body, now: change.now, onlyIf: won }),
    ] as const,
  };
}

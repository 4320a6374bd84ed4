import { and, eq, gt, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { insertManyWhen, insertWhen } from '../../db/insert-when';
import { applications, channels, children, placements, propertyLocks, schools, verificationChecks } from '../../db/schema';
import { randomId } from '../adapters/random';
import { claimedKeys, lockWarning, lockedUntil, propertyUsed, recordCertificates } from '../domain/property-lock';
import type { FamilyFacts } from '../domain/verification';
import { auditStatement, auditStatements } from './audit';

/**
 * 一房一位 in the database: which property a placed application used, the lock written with its placement, and the
 * locks a later application runs into. The rules are in `src/domain/property-lock.ts`.
 */

/** Locks that still hold at `now`. */
const holding = (now: Date) => and(isNull(propertyLocks.releasedAt), gt(propertyLocks.lockedUntil, now));

/** The certificate keys a family's records and form name, for the lock lookup of its property check. */
export function claimedCertificates(facts: FamilyFacts, typed: unknown): string[] {
  return claimedKeys(
    (facts.properties ?? []).flatMap((p) => (p.certificateNumber ? [p.certificateNumber] : [])),
    typed,
  );
}

/** Which of these certificate keys a lock of another child's admission still holds at `now`. */
export async function lockedCertificates(db: Db, claim: { childId: string; keys: string[] }, now: Date): Promise<string[]> {
  if (claim.keys.length === 0) return [];
  const rows = await db
    .selectDistinct({ key: propertyLocks.certificateKey })
    .from(propertyLocks)
    .innerJoin(applications, eq(applications.id, propertyLocks.applicationId))
    .where(and(inArray(propertyLocks.certificateKey, claim.keys), holding(now), ne(applications.childId, claim.childId)));
  return rows.map((r) => r.key);
}

/**
 * The property each placed application of the property channel used (as its stored check decided from the records),
 * among the placements `where` selects; applications of other channels, or with no owned property, are left out.
 */
export async function propertyClaims(db: Db, where: SQL | undefined): Promise<Map<string, string>> {
  const rows = await db
    .select({
      applicationId: applications.id,
      eligibility: channels.eligibility,
      form: applications.form,
      values: verificationChecks.values,
    })
    .from(placements)
    .innerJoin(applications, eq(applications.id, placements.applicationId))
    .innerJoin(channels, eq(channels.id, applications.channelId))
    .leftJoin(
      verificationChecks,
      and(eq(verificationChecks.applicationId, applications.id), inArray(verificationChecks.claim, ['property', 'paper_proof'])),
    )
    .where(where);
  const used = new Map<string, string>();
  for (const row of rows) {
    if (row.eligibility.check !== 'property' || used.has(row.applicationId)) continue;
    const key = propertyUsed({
      records: recordCertificates(row.values),
      typed: row.form.propertyCertificateNumber,
      proof: row.form.propertyProof,
    });
    if (key) used.set(row.applicationId, key);
  }
  return used;
}

export interface LockToWrite {
  applicationId: string;
  certificateKey: string;
  schoolId: string;
  at: Date;
  years: number;
}

/**
 * A lock and its audit entry, for the batch of the placement that takes the seat, written only `onlyIf` holds. A
 * placement that moves (an upheld objection) keeps the lock's dates and changes its school (`keep: 'dates'`); a new
 * placement of an application that had a released lock (a later round) locks afresh. Nothing for 0 years.
 */
export function lockStatements(db: Db, lock: LockToWrite, onlyIf: SQL, keep: 'none' | 'dates' = 'none'): BatchItem<'sqlite'>[] {
  const until = lockedUntil(lock.at, lock.years);
  if (!until)
    // No new locks (0 years); a lock made before still follows its child.
    return keep === 'dates'
      ? [
          db
            .update(propertyLocks)
            .set({ schoolId: lock.schoolId })
            .where(and(eq(propertyLocks.applicationId, lock.applicationId), onlyIf)),
        ]
      : [];
  return [
    insertWhen(db, propertyLocks, lockRow(lock, until), onlyIf).onConflictDoUpdate({
      target: propertyLocks.applicationId,
      set:
        keep === 'dates'
          ? { schoolId: lock.schoolId, certificateKey: lock.certificateKey }
          : { schoolId: lock.schoolId, certificateKey: lock.certificateKey, lockedAt: lock.at, lockedUntil: until, releasedAt: null },
    }),
    auditStatement(db, lockAudit(lock, until, keep), onlyIf),
  ];
}

/**
 * `lockStatements` for every property placement of a publication at once (the same instant and years): fresh locks and
 * their audit entries, a thousand per statement, written only `onlyIf` holds. Nothing for 0 years.
 */
export function newLocksStatements(db: Db, locks: readonly LockToWrite[], onlyIf: SQL): BatchItem<'sqlite'>[] {
  const [first] = locks;
  const until = first && lockedUntil(first.at, first.years);
  if (!until) return [];
  const inserts = insertManyWhen(
    db,
    propertyLocks,
    locks.map((lock) => lockRow(lock, until)),
    onlyIf,
  ).map((insert) =>
    insert.onConflictDoUpdate({
      target: propertyLocks.applicationId,
      set: {
        schoolId: sql`excluded.school_id`,
        certificateKey: sql`excluded.certificate_key`,
        lockedAt: first.at,
        lockedUntil: until,
        releasedAt: null,
      },
    }),
  );
  return [
    ...inserts,
    ...auditStatements(
      db,
      locks.map((lock) => lockAudit(lock, until, 'none')),
      onlyIf,
    ),
  ];
}

const lockRow = (lock: LockToWrite, until: Date) => ({
  id: randomId(),
  certificateKey: lock.certificateKey,
  applicationId: lock.applicationId,
  schoolId: lock.schoolId,
  lockedAt: lock.at,
  lockedUntil: until,
  releasedAt: null,
});

const lockAudit = (lock: LockToWrite, until: Date, keep: 'none' | 'dates') => ({
  staffId: null,
  username: 'system',
  action: 'property_lock',
  applicationId: lock.applicationId,
  detail: { certificateKey: lock.certificateKey, schoolId: lock.schoolId, lockedUntil: until.toISOString(), keep },
  ip: null,
  requestId: null,
  at: lock.at,
});

/** The lock of an application that still holds at `now`, if any (what giving up the seat releases). */
export async function holdingLockOf(db: Db, applicationId: string, now: Date) {
  const [lock] = await db
    .select({ id: propertyLocks.id, certificateKey: propertyLocks.certificateKey })
    .from(propertyLocks)
    .where(and(eq(propertyLocks.applicationId, applicationId), holding(now)));
  return lock ?? null;
}

/** Releases a lock, for the batch of the decision that gives the seat up, only `onlyIf` that decision won. */
export function releaseStatement(db: Db, lockId: string, now: Date, onlyIf: SQL) {
  return db
    .update(propertyLocks)
    .set({ releasedAt: now })
    .where(and(eq(propertyLocks.id, lockId), isNull(propertyLocks.releasedAt), onlyIf));
}

/**
 * The reviewer's warnings for an application: each lock of another child that still holds on a property its checks
 * found, with when and where it admitted that child (name masked). Read now, so a released lock no longer warns.
 */
export async function lockWarnings(db: Db, application: { id: string; childId: string }, now: Date) {
  const checks = await db
    .select({ values: verificationChecks.values })
    .from(verificationChecks)
    .where(and(eq(verificationChecks.applicationId, application.id), inArray(verificationChecks.claim, ['property', 'paper_proof'])));
  const keys = [...new Set(checks.flatMap((c) => (typeof c.values.certificateKey === 'string' ? [c.values.certificateKey] : [])))];
  if (keys.length === 0) return [];
  const rows = await db
    .select({
      lockedAt: propertyLocks.lockedAt,
      lockedUntil: propertyLocks.lockedUntil,
      school: schools.name,
      child: children.name,
      number: applications.number,
    })
    .from(propertyLocks)
    .innerJoin(applications, eq(applications.id, propertyLocks.applicationId))
    .innerJoin(children, eq(children.id, applications.childId))
    .innerJoin(schools, eq(schools.id, propertyLocks.schoolId))
    .where(
      and(
        inArray(propertyLocks.certificateKey, keys),
        holding(now),
        ne(applications.id, application.id),
        ne(applications.childId, application.childId),
      ),
    )
    .orderBy(propertyLocks.lockedAt);
  return rows.map((r) => ({
    text: lockWarning(r),
    lockedAt: r.lockedAt.toISOString(),
    lockedUntil: r.lockedUntil.toISOString(),
  }));
}

/** For the review queue: the application's property check found a lock (stored with the check's values). */
export const propertyLockedSql = sql<number>`EXISTS (SELECT 1 FROM ${verificationChecks} WHERE ${verificationChecks.applicationId} = ${applications.id} AND ${verificationChecks.claim} IN ('property', 'paper_proof') AND json_extract(${verificationChecks.values}, '$.locked') = 1)`;

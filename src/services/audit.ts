import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { insertManyWhen, insertWhen } from '../../db/insert-when';
import { auditLog } from '../../db/schema';
import { randomId } from '../adapters/random';
import { maskIdNumbersInText } from '../domain/masking';

export interface AuditEntry {
  /** Given when a later statement of the batch must find this entry (an entry that carries its change's nonce). */
  id?: string;
  staffId: string | null;
  username: string;
  action: string;
  applicationId?: string | null;
  detail?: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
  at: Date;
  /** A system acting with an integration key (then `staffId` is null and `username` is the key's name). */
  key?: { keyId: string; schoolId: string | null };
}

/** Every string in an entry's detail (reasons, search filters, typed usernames) with ID-number-shaped text masked. */
function maskedDetail(value: unknown): unknown {
  if (typeof value === 'string') return maskIdNumbersInText(value);
  if (Array.isArray(value)) return value.map(maskedDetail);
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskedDetail(inner)]));
  }
  return value;
}

/**
 * One audit entry, as a statement for the batch of the action it records (so the two stand or fall together).
 * The append-only log can never be corrected, so whatever staff typed is masked here (`maskIdNumbersInText`).
 */
export function auditStatement(db: Db, entry: AuditEntry, onlyIf?: SQL) {
  const row = auditRow(entry);
  return onlyIf ? insertWhen(db, auditLog, row, onlyIf) : db.insert(auditLog).values(row);
}

/** `auditStatement` for many entries of one change at once (a thousand per statement), written only if `onlyIf` holds. */
export function auditStatements(db: Db, entries: readonly AuditEntry[], onlyIf: SQL) {
  return insertManyWhen(db, auditLog, entries.map(auditRow), onlyIf);
}

/**
 * The staff member's role and school as they are when the statement runs (read in the same statement, so every
 * caller that names the staff member records them without passing them): what a family's "who viewed" list shows.
 */
function actorOf(staffId: string | null, key: AuditEntry['key']) {
  if (key) return { actorRole: 'key', actorSchoolId: key.schoolId, keyId: key.keyId };
  if (!staffId) return { actorRole: null, actorSchoolId: null };
  return {
    actorRole: sql`(SELECT role FROM staff WHERE id = ${staffId})`,
    actorSchoolId: sql`(SELECT school_id FROM staff WHERE id = ${staffId})`,
  };
}

function auditRow(entry: AuditEntry) {
  return {
    ...actorOf(entry.staffId, entry.key),
    id: entry.id ?? randomId(),
    at: entry.at,
    staffId: entry.staffId,
    username: maskIdNumbersInText(entry.username),
    action: entry.action,
    applicationId: entry.applicationId ?? null,
    detail: maskedDetail(entry.detail ?? {}) as Record<string, unknown>,
    ip: entry.ip,
    requestId: entry.requestId,
  };
}

/** The audit log for administrators, newest first, filtered. There is no procedure that changes or removes entries. */
export async function readAudit(
  db: Db,
  filters: { staffId?: string; action?: string; applicationId?: string; from?: Date; to?: Date; limit: number; before?: Date },
) {
  const where: (SQL | undefined)[] = [
    filters.staffId ? eq(auditLog.staffId, filters.staffId) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.applicationId ? eq(auditLog.applicationId, filters.applicationId) : undefined,
    filters.from ? gte(auditLog.at, filters.from) : undefined,
    filters.to ? lt(auditLog.at, filters.to) : undefined,
    filters.before ? lt(auditLog.at, filters.before) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at))
    .limit(filters.limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applications, auditLog, schools, staff } from '../../../db/schema';
import { accessActionName, accessActions, accessActorName } from '../../domain/access-log';
import { DomainError } from '../../domain/errors';

/** The most entries the list shows (newest first). */
const maxEntries = 500;

/**
 * 查阅记录: who at the bureau or a school opened, revealed, exported or decided on the parent's own application,
 * newest first, as role and school (never the staff member's name or username). Another family's is "not found".
 */
export async function accessLog(db: Db, accountId: string, applicationId: string) {
  const [own] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.accountId, accountId)));
  if (!own) throw new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');
  // Entries from before roles were recorded take the staff member's school as it is now, like their role.
  const schoolId = sql`CASE WHEN ${auditLog.actorRole} IS NULL THEN ${staff.schoolId} ELSE ${auditLog.actorSchoolId} END`;
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      at: auditLog.at,
      keyId: auditLog.keyId,
      // A system's entry holds its key's name as username (a staff member's username is never shown).
      keyName: sql<string | null>`CASE WHEN ${auditLog.keyId} IS NOT NULL THEN ${auditLog.username} END`,
      recordedRole: auditLog.actorRole,
      currentRole: staff.role,
      schoolName: schools.name,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .leftJoin(schools, eq(schools.id, schoolId))
    .where(
      and(
        eq(auditLog.applicationId, own.id),
        inArray(auditLog.action, accessActions),
        or(isNotNull(auditLog.staffId), isNotNull(auditLog.keyId)),
      ),
    )
    // Entries of one instant newest-written first.
    .orderBy(desc(auditLog.at), desc(sql`audit_log.rowid`))
    .limit(maxEntries);
  return {
    applicationId: own.id,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      actionName: accessActionName(r.action),
      roleName: accessActorName(r),
      schoolName: r.schoolName ?? null,
    })),
  };
}

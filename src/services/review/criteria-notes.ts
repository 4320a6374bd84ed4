import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditLog } from '../../../db/schema';

/** The audit action of the note an application gets when its channel's cut-off or minimum months change. */
export const criteriaNoteAction = 'channel_criteria_change';

/**
 * What reviewers read on the detail page about changes of the channel's criteria since the application was made
 * (「审核条件已调整：截止日期 2024-08-31 → 2024-09-15，系统核验已重新进行」), oldest first. They are the
 * application's own audit entries, written in the batch of the channel's change.
 */
export async function criteriaNotes(db: Db, applicationId: string) {
  const rows = await db
    .select({ at: auditLog.at, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.applicationId, applicationId), eq(auditLog.action, criteriaNoteAction)))
    .orderBy(asc(auditLog.at));
  return rows.map((r) => ({ at: r.at.toISOString(), note: String((r.detail as { note?: unknown }).note ?? '') }));
}

import { type SQL, sql } from 'drizzle-orm';
import { seedActor } from '../domain/catalog';
import type { Db } from '../../db/client';
import {
  accounts,
  alerts,
  applicationHistory,
  applications,
  auditLog,
  bindingAppeals,
  children,
  devSms,
  documents,
  messages,
  outbox,
  rateLimits,
  sessions,
  smsCodes,
  staffSessions,
  staffSignInFailures,
  uploadIntents,
  verificationChecks,
} from '../../db/schema';

/**
 * Columns that record when something happened, by the platform's clock. Deadlines (`expires_at`, `due_at`, …) lie
 * ahead by design and are left out; so are staff accounts and the seed's own audit entries (its import of the demo
 * towns' schools), which the seed dates by the real calendar.
 */
const happenedAt: SQL[] = [
  sql`SELECT max(${smsCodes.createdAt}) AS t FROM ${smsCodes}`,
  sql`SELECT max(${sessions.lastSeenAt}) AS t FROM ${sessions}`,
  sql`SELECT max(${staffSessions.lastSeenAt}) AS t FROM ${staffSessions}`,
  sql`SELECT max(${accounts.updatedAt}) AS t FROM ${accounts}`,
  sql`SELECT max(${children.updatedAt}) AS t FROM ${children}`,
  sql`SELECT max(${applications.updatedAt}) AS t FROM ${applications}`,
  sql`SELECT max(${applicationHistory.at}) AS t FROM ${applicationHistory}`,
  sql`SELECT max(${documents.createdAt}) AS t FROM ${documents}`,
  sql`SELECT max(${messages.createdAt}) AS t FROM ${messages}`,
  sql`SELECT max(${outbox.createdAt}) AS t FROM ${outbox}`,
  sql`SELECT max(${devSms.sentAt}) AS t FROM ${devSms}`,
  sql`SELECT max(${auditLog.at}) AS t FROM ${auditLog} WHERE NOT (${auditLog.staffId} IS NULL AND ${auditLog.username} = ${seedActor.username})`,
  sql`SELECT max(${verificationChecks.checkedAt}) AS t FROM ${verificationChecks}`,
  sql`SELECT max(${rateLimits.windowStart}) AS t FROM ${rateLimits}`,
  sql`SELECT max(${staffSignInFailures.lastFailureAt}) AS t FROM ${staffSignInFailures}`,
  sql`SELECT max(${alerts.raisedAt}) AS t FROM ${alerts}`,
  sql`SELECT max(${bindingAppeals.createdAt}) AS t FROM ${bindingAppeals}`,
  sql`SELECT max(${uploadIntents.createdAt}) AS t FROM ${uploadIntents}`,
];

/**
 * The latest instant the kept data records (a code sent, a session used, a submission, an audit row, …), or null
 * for an empty database. A shifted clock (demo mode, `ENROLL_NOW`) never shows a time before it: otherwise the
 * limits counted over recent rows would pile up across restarts and isolates (decision 004).
 */
export async function latestKeptInstant(db: Db): Promise<Date | null> {
  const [row] = await db.all<{ latest: number | null }>(sql`SELECT max(t) AS latest FROM (${sql.join(happenedAt, sql` UNION ALL `)})`);
  return typeof row?.latest === 'number' ? new Date(row.latest) : null;
}

import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alerts } from '../../db/schema';
import type { AppDeps } from '../deps';
import { DomainError } from '../domain/errors';
import { randomId } from '../adapters/random';
import { smsBudgetAlertKey, windowStart } from '../domain/limits';
import { auditStatement } from './audit';
import { previousStatementChanged } from './limits';
import type { SignedInStaff } from './staff/sessions';

type Request = { ip: string | null; requestId: string | null };

/** Raised once per hour-window, however many requests the exhausted budget refuses; shown until acknowledged. */
export async function raiseSmsBudgetAlarm(deps: Pick<AppDeps, 'db' | 'log'>, budget: number, now: Date) {
  const window = windowStart(now, { windowMs: 3_600_000 });
  const [raised] = await deps.db
    .insert(alerts)
    .values({
      id: randomId(),
      key: smsBudgetAlertKey(now),
      kind: 'sms_budget',
      raisedAt: now,
      message: `本小时的验证码短信预算（${budget}条）已用完，到下一个整点前获取验证码的请求都将被拒绝。请检查是否有人恶意刷取短信；如确属正常高峰，可调高 SMS_HOURLY_BUDGET。`,
      detail: { budget, windowStart: window.toISOString() },
    })
    .onConflictDoNothing({ target: alerts.key })
    .returning({ id: alerts.id });
  if (raised) deps.log.warn(`alert: the hourly SMS budget of ${budget} codes is used up (window ${window.toISOString()})`);
}

/** Alarms not yet acknowledged, newest first, for administrators. */
export async function openAlerts(db: Db) {
  const rows = await db.select().from(alerts).where(isNull(alerts.acknowledgedAt)).orderBy(desc(alerts.raisedAt)).limit(50);
  return rows.map((a) => ({ id: a.id, kind: a.kind, message: a.message, detail: a.detail, raisedAt: a.raisedAt.toISOString() }));
}

/** An administrator has seen an alarm: it leaves the banner; audited once, by whoever acknowledged it first. */
export async function acknowledgeAlert(deps: Pick<AppDeps, 'db' | 'clock'>, admin: SignedInStaff, alertId: string, request: Request) {
  const { db } = deps;
  const now = deps.clock.now();
  const [acknowledged] = await db.batch([
    db
      .update(alerts)
      .set({ acknowledgedAt: now, acknowledgedBy: admin.staffId })
      .where(and(eq(alerts.id, alertId), isNull(alerts.acknowledgedAt))),
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'alert_acknowledge',
        detail: { alertId },
        ...request,
        at: now,
      },
      previousStatementChanged,
    ),
  ]);
  if (acknowledged.rowsAffected === 0) {
    const [alert] = await db.select({ id: alerts.id }).from(alerts).where(eq(alerts.id, alertId));
    if (!alert) throw new DomainError('ALERT_NOT_FOUND', '找不到该告警');
  }
  return { id: alertId, acknowledged: true as const };
}

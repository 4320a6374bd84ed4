import type { LimitRule } from './limits';
export { agentName } from './access-log';
import { maskPhone } from './masking';

/**
 * 代办 (assisted registration): an agent at a school or a community office acts for a family without a smartphone
 * under a mandate the parent gave by reading out an SMS code, or, when that cannot be done, under the agent's
 * attested exception with a reason. A mandate lasts a visit, not a season.
 */
export const mandatePolicy = {
  lifetimeMs: 2 * 60 * 60_000,
  minReasonLength: 10,
  maxReasonLength: 200,
} as const;

/** Whether a number has an account is told to agents only, and only this often. */
export const agentLookupLimit = {
  bucket: 'agent-lookup:staff',
  limit: 120,
  windowMs: 60 * 60_000,
  message: '查询手机号过于频繁',
} as const satisfies LimitRule;

export type MandateMethod = 'sms_code' | 'attested';

/** When a mandate opened at `now` ends by itself (its parent session ends with it). */
export function mandateExpiry(now: Date): Date {
  return new Date(now.getTime() + mandatePolicy.lifetimeMs);
}

/** Whether steps may still be taken under the mandate: not ended by the agent and not past its expiry. */
export function mandateLive(mandate: { expiresAt: Date; endedAt: Date | null }, now: Date): boolean {
  return mandate.endedAt === null && now.getTime() < mandate.expiresAt.getTime();
}

/** Why an attested exception's reason is refused (too short to tell anyone later why no code was read out), or null. */
export function attestedReasonRefusal(reason: string | null | undefined): string | null {
  const length = [...(reason ?? '').trim()].length;
  if (length < mandatePolicy.minReasonLength) return `请写明家长无法提供验证码的原因（至少${mandatePolicy.minReasonLength}个字）`;
  if (length > mandatePolicy.maxReasonLength) return `原因最多${mandatePolicy.maxReasonLength}个字`;
  return null;
}

/** Where the agent works, as families read it: the school, else the community office. */
export function agentPlace(agent: { schoolName: string | null; office: string | null }): string {
  return agent.schoolName ?? agent.office ?? '';
}

/** The SMS that asks the parent to read its code out to the agent. */
export function agentCodeText(code: string, place: string): string {
  return `【桃江县入学报名】${place || '报名点'}的代办员申请代您办理入学报名，验证码为${code}，5分钟内有效。仅在您本人在场并同意时告知代办员。`;
}

/** A mandate as the agent's list shows it (the family's number masked). */
export function mandateView(
  m: { id: string; method: MandateMethod; reason: string | null; createdAt: Date; expiresAt: Date; endedAt: Date | null },
  phone: string,
  now: Date,
) {
  return {
    id: m.id,
    phoneMasked: maskPhone(phone),
    method: m.method,
    reason: m.reason,
    createdAt: m.createdAt.toISOString(),
    expiresAt: m.expiresAt.toISOString(),
    endedAt: m.endedAt?.toISOString() ?? null,
    live: mandateLive(m, now),
  };
}

import { chinaParts, formatChinaDate } from './china-time';
import { maskName } from './masking';

/**
 * 一房一位: a property that admitted a child through the property channel is locked for a number of years; a later
 * application of another child claiming it is flagged to reviewers. Rules over plain values (the services load the
 * checks, the form and the locks).
 */

/** Years a property stays locked when a season's rules say nothing else (the county's usual six). */
export const defaultPropertyLockYears = 6;

/** The most years an administrator may set; 0 = no lock. */
export const propertyLockYearsLimit = 12;

/** A certificate number as a key: NFKC (full-width letters, digits, brackets and spaces to ASCII), no spaces, upper case. */
export function certificateKey(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Proofs that name no owned property (公租房, 原始住户): nothing to lock. */
const unowned = new Set(['public_rental', 'original_resident']);

/**
 * Which property an application of the property channel uses, as a certificate key, or null for none: the records'
 * town certificates decide (the one the family typed when the records hold it, otherwise the first, the one the
 * check named); a number the records do not hold counts only when the records show no town property at all (购房备案
 * not yet in the register).
 */
export function propertyUsed(input: { records: readonly string[]; typed?: unknown; proof?: unknown }): string | null {
  if (typeof input.proof === 'string' && unowned.has(input.proof)) return null;
  const keys = [...new Set(input.records.map(certificateKey).filter(Boolean))];
  const typed = typeof input.typed === 'string' ? certificateKey(input.typed) : '';
  if (typed && keys.includes(typed)) return typed;
  if (keys.length) return keys[0]!;
  return typed || null;
}

/** The certificate numbers a stored property check found in the records (`values.properties[].certificateNumber`). */
export function recordCertificates(values: Record<string, unknown> | null | undefined): string[] {
  const properties = values?.properties;
  if (!Array.isArray(properties)) return [];
  return properties
    .map((p) => (p && typeof p === 'object' ? (p as { certificateNumber?: unknown }).certificateNumber : undefined))
    .filter((n): n is string => typeof n === 'string');
}

/**
 * The end of a lock: the same China-time wall clock `years` later (a lock from 29 February ends on 28 February).
 * Null for 0 years: no lock.
 */
export function lockedUntil(at: Date, years: number): Date | null {
  if (years <= 0) return null;
  const p = chinaParts(at);
  const year = p.year + years;
  const lastDay = new Date(Date.UTC(year, p.month, 0)).getUTCDate();
  const day = Math.min(p.day, lastDay);
  const wall = Date.UTC(year, p.month - 1, day, p.hour, p.minute, p.second, at.getUTCMilliseconds());
  return new Date(wall - 8 * 3_600_000);
}

/** Whether a lock still holds at `now`: not released and not yet ended. */
export function lockHolds(lock: { releasedAt: Date | null; lockedUntil: Date }, now: Date): boolean {
  return lock.releasedAt === null && lock.lockedUntil.getTime() > now.getTime();
}

/** What the family reads when its property is locked: that it is used, nothing of the other family. */
export const lockedPropertyForParents = '该房产已用于其他子女入学，将由工作人员人工核对';

/** The reviewer's summary of a property check that found a lock (the details are in the detail's warning rows). */
export const lockedPropertySummary = '该房产在一房一位锁定期内，已用于其他子女入学，需人工核验';

/** A reviewer's warning row: when and where the property admitted a child, the child's name masked. */
export function lockWarning(lock: { lockedAt: Date; lockedUntil: Date; school: string; child: string; number: string }): string {
  return `该房产已于 ${formatChinaDate(lock.lockedAt)} 用于 ${lock.school} 入学（${maskName(lock.child)}，报名编号 ${lock.number}），锁定至 ${formatChinaDate(lock.lockedUntil)}`;
}

/** The rule as the public placement page and the policy wording say it; null when there is no lock. */
export function propertyLockRule(years: number): string | null {
  return years > 0 ? `通过房产入学的，该房产 ${years} 年内不能再用于其他子女入学。` : null;
}

/** Every certificate an application could be using (the records' and the one typed), as keys, for finding its locks. */
export function claimedKeys(records: readonly string[], typed: unknown): string[] {
  const keys = records.map(certificateKey);
  if (typeof typed === 'string') keys.push(certificateKey(typed));
  return [...new Set(keys.filter(Boolean))];
}

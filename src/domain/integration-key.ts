import { DomainError } from './errors';
import { idPattern } from './ids';
import { type IntegrationScope, integrationScopes } from './integration-scope';
import type { LimitRule } from './limits';

/**
 * Integration keys: what a system presents (`ik_<keyId>_<secret>`), when a stored key accepts it, and what a key may
 * touch (its scopes, its school). The secret itself is never stored, only its SHA-256.
 */

export type { IntegrationScope } from './integration-scope';

/** Who acts when a system calls with a key. */
export interface IntegrationKeyPrincipal {
  keyId: string;
  name: string;
  scopes: IntegrationScope[];
  /** A key limited to one school; null: every school. */
  schoolId: string | null;
  expiresAt: Date | null;
}

/** The stored key as the rules need it. */
export interface StoredKey {
  secretHash: string;
  previousSecretHash: string | null;
  previousValidUntil: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const prefix = 'ik_';
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

/** The token a system holds: shown once, when the key is created or rotated. */
export function integrationToken(keyId: string, secret: string): string {
  return `${prefix}${keyId}_${secret}`;
}

/** Whether a bearer token is meant as an integration key (not a session). */
export function looksLikeIntegrationToken(token: string | null | undefined): token is string {
  return typeof token === 'string' && token.startsWith(prefix);
}

/** The key id and secret of a well-formed token, or null. */
export function parseIntegrationToken(token: string | null | undefined): { keyId: string; secret: string } | null {
  if (!looksLikeIntegrationToken(token)) return null;
  const body = token.slice(prefix.length);
  const keyId = body.slice(0, 20);
  const secret = body.slice(21);
  if (body[20] !== '_' || !idPattern.test(keyId) || !secretPattern.test(secret)) return null;
  return { keyId, secret };
}

/** Equal strings, compared without stopping at the first difference (the time says nothing about where they differ). */
export function sameDigest(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return difference === 0;
}

export const keyRefusals = {
  missing: () => new DomainError('KEY_UNKNOWN', '缺少集成密钥：请以 Authorization: Bearer ik_… 提交'),
  unknown: () => new DomainError('KEY_UNKNOWN', '集成密钥无效'),
  expired: () => new DomainError('KEY_EXPIRED', '集成密钥已过期，请联系管理员'),
  revoked: () => new DomainError('KEY_REVOKED', '集成密钥已停用，请联系管理员'),
  scope: (scope: IntegrationScope) => new DomainError('KEY_SCOPE_MISSING', `该集成密钥没有“${integrationScopes[scope]}”的权限`),
  otherSchool: () => new DomainError('KEY_OTHER_SCHOOL', '该集成密钥只能访问所属学校的数据'),
  notFound: () => new DomainError('KEY_NOT_FOUND', '找不到该集成密钥'),
  changed: () => new DomainError('KEY_CHANGED', '该集成密钥已被他人修改，请刷新后再试'),
  nameTaken: () => new DomainError('KEY_EXISTS', '已有同名的集成密钥'),
  /** An administrator's change to a key already revoked (CONFLICT: the page shows an old list). */
  alreadyRevoked: () => new DomainError('KEY_CHANGED', '该集成密钥已停用，请刷新后查看'),
} as const;

/**
 * Whether `key` accepts a secret whose SHA-256 is `presentedHash` at `now`: not revoked, not expired, and the current
 * secret, or the previous one while the rotation's overlap lasts. Throws the refusal otherwise.
 */
export function checkKey(key: StoredKey | null, presentedHash: string, now: Date): void {
  if (!key) throw keyRefusals.unknown();
  const current = sameDigest(key.secretHash, presentedHash);
  const previous =
    key.previousSecretHash !== null &&
    key.previousValidUntil !== null &&
    key.previousValidUntil.getTime() > now.getTime() &&
    sameDigest(key.previousSecretHash, presentedHash);
  if (!current && !previous) throw keyRefusals.unknown();
  if (key.revokedAt) throw keyRefusals.revoked();
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) throw keyRefusals.expired();
}

/** A procedure open to keys names the scope it needs. */
export function requireScope(principal: Pick<IntegrationKeyPrincipal, 'scopes'>, scope: IntegrationScope): void {
  if (!principal.scopes.includes(scope)) throw keyRefusals.scope(scope);
}

/** Whether the key may touch `schoolId`'s data: a school-scoped key its own school only, any other key every school. */
export function mayTouchSchool(principal: Pick<IntegrationKeyPrincipal, 'schoolId'>, schoolId: string | null): boolean {
  return principal.schoolId === null || principal.schoolId === schoolId;
}

export function requireSchool(principal: Pick<IntegrationKeyPrincipal, 'schoolId'>, schoolId: string | null): void {
  if (!mayTouchSchool(principal, schoolId)) throw keyRefusals.otherSchool();
}

/** Calls per minute a key may make: the default, and the bounds administrators choose within. */
/** The longest name a key may have. */
export const keyNameMax = 40;
export const perMinuteDefault = 600;
export const perMinuteBounds = { min: 1, max: 6000 } as const;

/** How long a rotated key's old secret keeps working, in hours: the default (7 days) and the bounds. */
export const overlapHoursDefault = 7 * 24;
export const overlapHoursBounds = { min: 0, max: 30 * 24 } as const;

/** The per-minute limit of one key (its counter's subject is the key id). */
export function keyLimitRule(perMinute: number): LimitRule {
  return { bucket: 'integration-key', limit: perMinute, windowMs: 60_000, message: '该集成密钥的调用过于频繁' };
}

/** Until when the old secret works after a rotation at `now`. */
export function overlapUntil(now: Date, overlapHours: number): Date {
  return new Date(now.getTime() + overlapHours * 3_600_000);
}

export type KeyState = 'active' | 'expired' | 'revoked';

export const keyStateNames: Record<KeyState, string> = { active: '使用中', expired: '已过期', revoked: '已停用' };

export function keyState(key: Pick<StoredKey, 'expiresAt' | 'revokedAt'>, now: Date): KeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export interface NewKeyInput {
  name: string;
  scopes: readonly IntegrationScope[];
  schoolId: string | null;
  expiresAt: Date | null;
  perMinute: number;
}

/** What an administrator asked for, checked and tidied (name trimmed, scopes once each in their listed order). */
export function checkNewKey(input: NewKeyInput, now: Date): NewKeyInput {
  const name = input.name.trim();
  if (!name || name.length > keyNameMax) throw fieldRefusal('name', `名称须为 1–${keyNameMax} 个字`);
  const scopes = (Object.keys(integrationScopes) as IntegrationScope[]).filter((s) => input.scopes.includes(s));
  if (scopes.length === 0) throw fieldRefusal('scopes', '请至少选择一项权限');
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) throw fieldRefusal('expiresAt', '到期时间须晚于现在');
  if (!Number.isInteger(input.perMinute) || input.perMinute < perMinuteBounds.min || input.perMinute > perMinuteBounds.max) {
    throw fieldRefusal('perMinute', `每分钟调用上限须在 ${perMinuteBounds.min}–${perMinuteBounds.max} 之间`);
  }
  return { ...input, name, scopes };
}

export function checkOverlapHours(hours: number): number {
  if (!Number.isInteger(hours) || hours < overlapHoursBounds.min || hours > overlapHoursBounds.max) {
    throw fieldRefusal('overlapHours', `新旧密钥并存时间须在 ${overlapHoursBounds.min}–${overlapHoursBounds.max} 小时之间`);
  }
  return hours;
}

function fieldRefusal(field: string, message: string): DomainError {
  return new DomainError('INVALID_INPUT', message, { [field]: [message] });
}

import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import {
  checkKey,
  checkNewKey,
  checkOverlapHours,
  integrationToken,
  keyLimitRule,
  keyState,
  mayTouchSchool,
  overlapUntil,
  parseIntegrationToken,
  requireScope,
  requireSchool,
  sameDigest,
} from '../../src/domain/integration-key';

const keyId = 'abcdefghijklmnopqrst';
const secret = `${'A'.repeat(20)}_-${'b'.repeat(21)}`;
const now = new Date('2026-12-07T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const stored = { secretHash: 'new', previousSecretHash: null, previousValidUntil: null, expiresAt: null, revokedAt: null };

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('integration key tokens', () => {
  it('round-trips ik_<keyId>_<secret>, even when the secret holds _ and -', () => {
    expect(parseIntegrationToken(integrationToken(keyId, secret))).toEqual({ keyId, secret });
  });
  it('refuses anything else', () => {
    expect(parseIntegrationToken(null)).toBeNull();
    expect(parseIntegrationToken(`ik_${keyId}${secret}`)).toBeNull();
    expect(parseIntegrationToken(`ik_${keyId}_short`)).toBeNull();
    expect(parseIntegrationToken(`ik_ABCDEFGHIJKLMNOPQRST_${secret}`)).toBeNull();
    expect(parseIntegrationToken(`sk_${keyId}_${secret}`)).toBeNull();
    expect(parseIntegrationToken(`ik_${keyId}_${secret}x`)).toBeNull();
  });
  it('compares digests completely', () => {
    expect(sameDigest('abc', 'abc')).toBe(true);
    expect(sameDigest('abc', 'abd')).toBe(false);
    expect(sameDigest('abc', 'abcd')).toBe(false);
  });
});

describe('when a key accepts a secret', () => {
  it('accepts the current secret of a live key', () => {
    expect(codeOf(() => checkKey(stored, 'new', now))).toBeNull();
  });
  it('refuses an unknown key or a wrong secret as unknown', () => {
    expect(codeOf(() => checkKey(null, 'new', now))).toBe('KEY_UNKNOWN');
    expect(codeOf(() => checkKey(stored, 'other', now))).toBe('KEY_UNKNOWN');
  });
  it('accepts the previous secret during the overlap only', () => {
    const rotated = { ...stored, previousSecretHash: 'old', previousValidUntil: later(1000) };
    expect(codeOf(() => checkKey(rotated, 'old', now))).toBeNull();
    expect(codeOf(() => checkKey(rotated, 'old', later(1000)))).toBe('KEY_UNKNOWN');
    expect(codeOf(() => checkKey(rotated, 'new', later(1000)))).toBeNull();
  });
  it('refuses a revoked or expired key', () => {
    expect(codeOf(() => checkKey({ ...stored, revokedAt: now }, 'new', now))).toBe('KEY_REVOKED');
    expect(codeOf(() => checkKey({ ...stored, expiresAt: now }, 'new', now))).toBe('KEY_EXPIRED');
    expect(codeOf(() => checkKey({ ...stored, expiresAt: later(1) }, 'new', now))).toBeNull();
  });
  it('names its state', () => {
    expect(keyState(stored, now)).toBe('active');
    expect(keyState({ ...stored, expiresAt: now }, now)).toBe('expired');
    expect(keyState({ ...stored, expiresAt: now, revokedAt: now }, now)).toBe('revoked');
  });
});

describe('what a key may touch', () => {
  it('needs the scope a procedure names', () => {
    expect(codeOf(() => requireScope({ scopes: ['catalog.read'] }, 'catalog.read'))).toBeNull();
    expect(codeOf(() => requireScope({ scopes: ['catalog.read'] }, 'placements.read'))).toBe('KEY_SCOPE_MISSING');
  });
  it('keeps a school-scoped key to its school; a key without a school touches all', () => {
    expect(mayTouchSchool({ schoolId: 's1' }, 's1')).toBe(true);
    expect(mayTouchSchool({ schoolId: 's1' }, 's2')).toBe(false);
    expect(mayTouchSchool({ schoolId: null }, 's2')).toBe(true);
    expect(codeOf(() => requireSchool({ schoolId: 's1' }, 's2'))).toBe('KEY_OTHER_SCHOOL');
  });
  it('limits calls per minute per key', () => {
    expect(keyLimitRule(5)).toMatchObject({ limit: 5, windowMs: 60_000 });
  });
});

describe('a new key', () => {
  const input = {
    name: ' 学籍系统 ',
    scopes: ['statistics.read', 'catalog.read'] as const,
    schoolId: null,
    expiresAt: null,
    perMinute: 600,
  };
  it('is tidied: name trimmed, scopes in their listed order', () => {
    expect(checkNewKey({ ...input, scopes: [...input.scopes] }, now)).toMatchObject({
      name: '学籍系统',
      scopes: ['catalog.read', 'statistics.read'],
    });
  });
  it('needs a name, a scope, a future expiry and a limit within bounds', () => {
    expect(codeOf(() => checkNewKey({ ...input, scopes: [...input.scopes], name: ' ' }, now))).toBe('INVALID_INPUT');
    expect(codeOf(() => checkNewKey({ ...input, scopes: [] }, now))).toBe('INVALID_INPUT');
    expect(codeOf(() => checkNewKey({ ...input, scopes: [...input.scopes], expiresAt: now }, now))).toBe('INVALID_INPUT');
    expect(codeOf(() => checkNewKey({ ...input, scopes: [...input.scopes], perMinute: 0 }, now))).toBe('INVALID_INPUT');
  });
  it('rotates with an overlap within bounds (7 days by default)', () => {
    expect(checkOverlapHours(168)).toBe(168);
    expect(codeOf(() => checkOverlapHours(24 * 31))).toBe('INVALID_INPUT');
    expect(overlapUntil(now, 2)).toEqual(later(2 * 3_600_000));
  });
});

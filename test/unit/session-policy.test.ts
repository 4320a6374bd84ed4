import { describe, expect, it } from 'vitest';
import { sessionExpiry, sessionPolicies, sessionState } from '../../src/domain/session-policy';
import { signInPolicy } from '../../src/domain/sign-in-policy';
import { staffPolicy } from '../../src/domain/staff-policy';

const minute = 60_000;
const start = new Date('2026-06-01T08:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const policy = { idleMs: 30 * minute, maxMs: 10 * 60 * minute, touchEveryMs: minute };
const begun = { lastSeenAt: start, expiresAt: sessionExpiry(policy, start) };

describe('when a session holds', () => {
  it('holds right after it began, without writing its last-seen time again', () => {
    expect(sessionState(policy, begun, start)).toEqual({ live: true, touch: false });
    expect(sessionState(policy, begun, at(minute - 1))).toEqual({ live: true, touch: false });
  });

  it('writes the last-seen time once the touch interval has passed', () => {
    expect(sessionState(policy, begun, at(minute))).toEqual({ live: true, touch: true });
  });

  it('ends when idle for the idle limit, to the millisecond', () => {
    expect(sessionState(policy, begun, at(30 * minute - 1))).toEqual({ live: true, touch: true });
    expect(sessionState(policy, begun, at(30 * minute))).toEqual({ live: false });
  });

  it('ends at its absolute expiry however recently it was used', () => {
    const busy = { ...begun, lastSeenAt: at(10 * 60 * minute - 1) };
    expect(sessionState(policy, busy, at(10 * 60 * minute - 1))).toEqual({ live: true, touch: false });
    expect(sessionState(policy, busy, at(10 * 60 * minute))).toEqual({ live: false });
  });

  it('ends a session whose absolute expiry is already past when it is looked at', () => {
    expect(sessionState(policy, { lastSeenAt: start, expiresAt: start }, start)).toEqual({ live: false });
  });
});

describe('the two audiences', () => {
  it('keeps parents’ limits and refusals', () => {
    expect(sessionPolicies.parent).toEqual({
      idleMs: signInPolicy.sessionIdleMs,
      maxMs: signInPolicy.sessionMaxMs,
      touchEveryMs: signInPolicy.touchEveryMs,
      required: { code: 'SIGN_IN_REQUIRED', message: '请先登录' },
      expired: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' },
    });
  });

  it('keeps staff’s shorter limits and refusals of their own', () => {
    expect(sessionPolicies.staff).toEqual({
      idleMs: staffPolicy.sessionIdleMs,
      maxMs: staffPolicy.sessionMaxMs,
      touchEveryMs: staffPolicy.touchEveryMs,
      required: { code: 'STAFF_SIGN_IN_REQUIRED', message: '请先登录审核系统' },
      expired: { code: 'STAFF_SIGN_IN_REQUIRED', message: '登录已过期，请重新登录审核系统' },
    });
    expect(sessionPolicies.staff.maxMs).toBeLessThan(sessionPolicies.parent.maxMs);
  });

  it('lets a staff session end after 30 idle minutes and a parent’s only after 12 hours', () => {
    const idle = at(30 * minute);
    expect(
      sessionState(sessionPolicies.staff, { lastSeenAt: start, expiresAt: sessionExpiry(sessionPolicies.staff, start) }, idle).live,
    ).toBe(false);
    expect(
      sessionState(sessionPolicies.parent, { lastSeenAt: start, expiresAt: sessionExpiry(sessionPolicies.parent, start) }, idle).live,
    ).toBe(true);
  });
});

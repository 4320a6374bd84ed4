import { describe, expect, it } from 'vitest';
import { reducedApplication, retentionDateProblem, retentionDue } from '../../src/domain/retention';

const now = new Date('2026-12-07T12:00:00Z');
const before = new Date('2026-12-01T00:00:00Z');
const after = new Date('2027-01-01T00:00:00Z');

describe('retentionDue', () => {
  it('is due once the date has passed and the purge has not finished', () => {
    expect(retentionDue({ retainUntil: before, purgedAt: null }, now)).toBe(true);
    expect(retentionDue({ retainUntil: now, purgedAt: null }, now)).toBe(true);
  });
  it('is not due without a date, before the date, or after the purge', () => {
    expect(retentionDue({ retainUntil: null, purgedAt: null }, now)).toBe(false);
    expect(retentionDue({ retainUntil: after, purgedAt: null }, now)).toBe(false);
    expect(retentionDue({ retainUntil: before, purgedAt: now }, now)).toBe(false);
  });
});

describe('reducedApplication', () => {
  it('empties the form, secrets, sibling, community and rejection snapshot and nothing else', () => {
    expect(reducedApplication()).toEqual({ form: {}, secrets: null, sibling: null, community: null, rejection: null });
  });
});

describe('retentionDateProblem', () => {
  it('accepts a future date or clearing it', () => {
    expect(retentionDateProblem({ retainUntil: null, purgedAt: null }, after, now)).toBeNull();
    expect(retentionDateProblem({ retainUntil: after, purgedAt: null }, null, now)).toBeNull();
  });
  it('refuses a past date and any change after the purge', () => {
    expect(retentionDateProblem({ retainUntil: null, purgedAt: null }, before, now)).toMatch(/晚于/);
    expect(retentionDateProblem({ retainUntil: before, purgedAt: now }, after, now)).toMatch(/不能再修改/);
  });
});

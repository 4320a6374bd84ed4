import { describe, expect, it } from 'vitest';
import { statusesCountedPerChannel, statusesCountedPerFirstSchool } from '../../src/domain/review-stats';

describe('the statuses the review statistics count', () => {
  it('counts per channel every application that left the draft', () => {
    expect([...statusesCountedPerChannel].sort()).toEqual([
      'admitted',
      'not_admitted',
      'preliminarily_approved',
      'rejected',
      'school_approved',
      'submitted',
      'withdrawn',
    ]);
  });

  it('counts per first-choice school only applications still in the running', () => {
    expect([...statusesCountedPerFirstSchool].sort()).toEqual(['admitted', 'preliminarily_approved', 'school_approved', 'submitted']);
    for (const gone of ['draft', 'withdrawn', 'rejected', 'not_admitted'] as const)
      expect(statusesCountedPerFirstSchool).not.toContain(gone);
  });
});

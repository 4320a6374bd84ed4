import { describe, expect, it } from 'vitest';
import { inScope } from '../../src/domain/review-scope';

const application = { firstSchoolId: 's1', secondSchoolId: 's2' };

describe('which applications a staff member may see', () => {
  it('shows every application to the county and to administrators', () => {
    expect(inScope({ role: 'county_reviewer', schoolId: null }, application)).toBe(true);
    expect(inScope({ role: 'admin', schoolId: null }, { firstSchoolId: null, secondSchoolId: null })).toBe(true);
  });

  it('shows a school reviewer the applications naming their school first or second', () => {
    expect(inScope({ role: 'school_reviewer', schoolId: 's1' }, application)).toBe(true);
    expect(inScope({ role: 'school_reviewer', schoolId: 's2' }, application)).toBe(true);
    expect(inScope({ role: 'school_reviewer', schoolId: 's3' }, application)).toBe(false);
  });

  it('shows a school reviewer without a school nothing, not even applications without schools', () => {
    expect(inScope({ role: 'school_reviewer', schoolId: null }, { firstSchoolId: null, secondSchoolId: null })).toBe(false);
    expect(inScope({ role: 'school_reviewer', schoolId: null }, application)).toBe(false);
  });
});

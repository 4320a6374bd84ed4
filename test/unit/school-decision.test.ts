import { describe, expect, it } from 'vitest';
import { maySchoolDecide } from '../../src/domain/school-decision';

const app = { firstSchoolId: 'first' };

describe('who takes the 学校审核 decision', () => {
  it('is the first-choice school, not the second-choice one', () => {
    expect(maySchoolDecide({ role: 'school_reviewer', schoolId: 'first' }, app, 'school_approve')).toBe(true);
    expect(maySchoolDecide({ role: 'school_reviewer', schoolId: 'second' }, app, 'school_approve')).toBe(false);
    expect(maySchoolDecide({ role: 'school_reviewer', schoolId: 'second' }, app, 'school_reject')).toBe(false);
    expect(maySchoolDecide({ role: 'school_reviewer', schoolId: null }, { firstSchoolId: null }, 'school_reject')).toBe(false);
  });

  it('leaves administrators and the other moves alone', () => {
    expect(maySchoolDecide({ role: 'admin', schoolId: null }, app, 'school_approve')).toBe(true);
    expect(maySchoolDecide({ role: 'school_reviewer', schoolId: 'second' }, app, 'approve')).toBe(true);
  });
});

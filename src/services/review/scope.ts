import { eq, or, type SQL } from 'drizzle-orm';
import { applications } from '../../../db/schema';
import { DomainError } from '../../domain/errors';
import { type ChosenSchools, inScope } from '../../domain/review-scope';
import type { SignedInStaff } from '../staff/sessions';

/** The scope rule of `inScope` as a condition on the applications table. */
export function scopeOf(member: SignedInStaff): SQL | undefined {
  if (member.role !== 'school_reviewer') return undefined;
  const school = member.schoolId ?? '';
  return or(eq(applications.firstSchoolId, school), eq(applications.secondSchoolId, school));
}

/** Outside a reviewer's scope an application does not exist for them. */
export function assertInScope(member: SignedInStaff, application: ChosenSchools) {
  if (!inScope(member, application)) throw new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');
}

import { eq, or, type SQL } from 'drizzle-orm';
import { applications } from '../../../db/schema';
import { DomainError } from '../../domain/errors';
import type { SignedInStaff } from '../staff/sessions';

/** Which applications a staff member may see: all for the county and admins; a school reviewer, those naming the school. */
export function scopeOf(member: SignedInStaff): SQL | undefined {
  if (member.role !== 'school_reviewer') return undefined;
  const school = member.schoolId ?? '';
  return or(eq(applications.firstSchoolId, school), eq(applications.secondSchoolId, school));
}

export function inScope(member: SignedInStaff, application: { firstSchoolId: string | null; secondSchoolId: string | null }): boolean {
  if (member.role !== 'school_reviewer') return true;
  return member.schoolId !== null && (application.firstSchoolId === member.schoolId || application.secondSchoolId === member.schoolId);
}

/** Outside a reviewer's scope an application does not exist for them. */
export function assertInScope(member: SignedInStaff, application: { firstSchoolId: string | null; secondSchoolId: string | null }) {
  if (!inScope(member, application)) throw new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');
}

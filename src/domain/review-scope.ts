import type { StaffRoleCode } from './staff-policy';

/** The schools an application names: a school reviewer sees it when either is theirs. */
export interface ChosenSchools {
  firstSchoolId: string | null;
  secondSchoolId: string | null;
}

/**
 * Which applications a staff member may see: all for the county and admins; a school reviewer, those naming the
 * school; an agent (代办员), none (they see a family's file only through the family's own session they opened).
 */
export function inScope(viewer: { role: StaffRoleCode; schoolId: string | null }, application: ChosenSchools): boolean {
  if (viewer.role === 'agent') return false;
  if (viewer.role !== 'school_reviewer') return true;
  return viewer.schoolId !== null && (application.firstSchoolId === viewer.schoolId || application.secondSchoolId === viewer.schoolId);
}

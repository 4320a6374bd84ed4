import type { ApplicationAction } from './application-status';

/** The 学校审核 moves: they belong to the school the family chose first. */
const schoolDecisions: readonly ApplicationAction[] = ['school_approve', 'school_reject'];

export const secondChoiceReadOnly = '学校审核由第一志愿学校办理；第二志愿学校只能查看该报名，学位由后续统筹安排决定';

/**
 * Whether this staff member may take a 学校审核 decision on the application. Administrators may; a school reviewer only
 * for the application's first-choice school. The second-choice school sees the application read-only: placement
 * decides its seats later. Other actions are not this rule's business (the state machine and the scope decide them).
 */
export function maySchoolDecide(
  member: { role: string; schoolId: string | null },
  application: { firstSchoolId: string | null },
  action: ApplicationAction,
): boolean {
  if (!schoolDecisions.includes(action) || member.role !== 'school_reviewer') return true;
  return member.schoolId !== null && application.firstSchoolId === member.schoolId;
}

import { type ApplicationStatus, applicationStatuses } from './application-status';

/** Per channel the statistics count every application that has left the draft, whatever became of it. */
export const statusesCountedPerChannel: readonly ApplicationStatus[] = applicationStatuses.filter((s) => s !== 'draft');

/** Per first-choice school they count only applications still in the running for a seat there. */
export const statusesCountedPerFirstSchool: readonly ApplicationStatus[] = [
  'submitted',
  'preliminarily_approved',
  'school_approved',
  'admitted',
];

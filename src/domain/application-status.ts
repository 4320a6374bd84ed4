/**
 * Application states. The full state machine arrives with the application journey; what is fixed now is which
 * states keep a child bound to its account (a child cannot be unbound while its application is being handled).
 */
export const applicationStatuses = [
  'draft', 'submitted', 'withdrawn', 'rejected', 'preliminarily_approved', 'school_approved', 'admitted', 'not_admitted',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Under review or decided: the account that submitted it keeps the child. */
export const statusesThatKeepChildBound: readonly ApplicationStatus[] = [
  'submitted', 'rejected', 'preliminarily_approved', 'school_approved', 'admitted',
];

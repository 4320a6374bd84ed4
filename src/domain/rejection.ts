/**
 * What a reviewer marks when rejecting: the form fields and document kinds at fault, so the parent is shown exactly
 * what to put right and the step concerned opens first.
 */
export interface RejectionFaults {
  fields: string[];
  documents: string[];
}

/** The application as it stood when rejected: after a resubmission reviewers see what changed since. */
export interface RejectedState {
  channelId: string | null;
  form: Record<string, unknown>;
  community: string | null;
  firstSchoolId: string | null;
  secondSchoolId: string | null;
  documents: { id: string; kind: string; side: string | null; sha256: string | null }[];
}

/** The last rejection of an application; kept after the parent resubmits. */
export interface RejectionRecord {
  at: string;
  reason: string;
  faults: RejectionFaults;
  before: RejectedState;
}

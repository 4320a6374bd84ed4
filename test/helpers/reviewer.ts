import { decide } from '../../src/services/review/decide';
import type { TestHost } from './host';

/** A county reviewer as the review services see one, for tests that decide without signing a reviewer in. */
export const countyReviewer = {
  staffId: 'county-reviewer-in-tests',
  username: 'county',
  displayName: '县审核员',
  role: 'county_reviewer' as const,
  schoolId: null,
  schoolName: null,
  sessionId: 'none',
};

/** The county reviewer approves or rejects an application (after-response work is dropped). */
export const reviewAsCounty = (t: TestHost, applicationId: string, action: 'approve' | 'reject', reason?: string) =>
  decide(t.host.deps, { kind: 'staff', member: countyReviewer, ip: null, requestId: null }, { applicationId, action, reason }, () => {});

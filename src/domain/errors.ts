/**
 * Errors the rules raise, each with a fixed code and a message a parent or reviewer can act on (zh-CN).
 * The API maps each code to a transport error in one place (`src/api/errors.ts`).
 */
import type { MissingItem } from './application-missing';
import type { ApplicationStatus } from './application-status';
import type { RowError } from './school-import';

export type DomainErrorCode =
  | 'REGION_NOT_FOUND'
  | 'ENTRY_NOT_FOUND'
  | 'SEASON_NOT_FOUND'
  | 'INVALID_INPUT'
  | 'SIGN_IN_REQUIRED'
  | 'SESSION_EXPIRED'
  | 'UNTRUSTED_ORIGIN'
  | 'CODE_TOO_SOON'
  | 'CODE_DAILY_LIMIT'
  | 'CODE_IP_LIMIT'
  | 'CODE_INVALID'
  | 'CODE_EXPIRED'
  | 'CONSENT_REQUIRED'
  | 'CODE_BURNED'
  | 'PHONE_UNCHANGED'
  | 'PHONE_TAKEN'
  | 'CHILD_NOT_FOUND'
  | 'CHILD_ALREADY_BOUND'
  | 'CHILD_ALREADY_YOURS'
  | 'CHILD_LIMIT'
  | 'CHILD_HAS_ACTIVE_APPLICATION'
  | 'ACCOUNT_HAS_LIVE_APPLICATION'
  | 'DEV_ONLY'
  | 'RECORDS_UNAVAILABLE'
  | 'PRECHECK_NOT_ALLOWED'
  | 'STAFF_SIGN_IN_FAILED'
  | 'STAFF_SIGN_IN_REQUIRED'
  | 'STAFF_LOCKED'
  | 'STAFF_FORBIDDEN'
  | 'STAFF_EXISTS'
  | 'STAFF_NOT_FOUND'
  | 'APPLICATION_NOT_FOUND'
  | 'APPLICATION_EXISTS'
  | 'APPLICATION_CHANGED'
  | 'APPLICATION_LOCKED'
  | 'APPLICATION_INCOMPLETE'
  | 'WINDOW_CLOSED'
  | 'CORRECTION_DEADLINE_PASSED'
  | 'NOT_ELIGIBLE'
  | 'WITHDRAW_LIMIT'
  | 'WITHDRAW_NOT_ALLOWED'
  | 'SCHOOL_NOT_FOUND'
  | 'CHANNEL_NOT_FOUND'
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_REJECTED'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_LIMIT'
  | 'APPEAL_NOT_FOUND'
  | 'APPEAL_EXISTS'
  | 'APPEAL_CHANGED'
  | 'RATE_LIMITED'
  | 'BATCH_TOO_LARGE'
  | 'ALERT_NOT_FOUND'
  | 'DEAD_LETTER_NOT_FOUND'
  | 'DEAD_LETTER_RETRIED'
  | 'DEAD_LETTER_IS_CODE'
  | 'WINDOW_NOT_FOUND'
  | 'WINDOW_CHANGED'
  | 'SEASON_CHANGED'
  | 'SEASON_EXISTS'
  | 'REGION_EXISTS'
  | 'REGION_CHANGED'
  | 'PAGE_NOT_FOUND'
  | 'PAGE_CHANGED'
  | 'PAGE_EXISTS'
  | 'TRACK_NOT_FOUND'
  | 'CHANNEL_CHANGED'
  | 'CHANNEL_IN_USE'
  | 'CHANNEL_DISABLED'
  | 'CHANNEL_EXISTS'
  | 'SCHOOL_CHANGED'
  | 'SCHOOL_EXISTS'
  | 'SCHOOL_IN_USE'
  | 'COMMUNITY_EXISTS'
  | 'IMPORT_INVALID'
  | 'PLACEMENT_RULES_CHANGED'
  | 'LOTTERY_CLOSED'
  | 'LOTTERY_NOT_YET'
  | 'OBSERVER_EXISTS'
  | 'OBSERVER_NOT_FOUND'
  | 'OBSERVER_REVEALED'
  | 'PLACEMENT_DRAWN'
  | 'DRAW_NOT_FOUND'
  | 'OBJECTION_CLOSED'
  | 'OBJECTION_EXISTS'
  | 'OBJECTION_NOT_FOUND'
  | 'OBJECTION_SAME_ADMIN'
  | 'OBJECTION_DECIDED'
  | 'OBJECTION_DOCUMENTS_CLOSED'
  | 'SEAT_NOT_OFFERED'
  | 'SEAT_CLOSED'
  | 'SEAT_ANSWERED'
  | 'KEY_UNKNOWN'
  | 'KEY_EXPIRED'
  | 'KEY_REVOKED'
  | 'KEY_SCOPE_MISSING'
  | 'AGENT_NOT_ALLOWED'
  | 'KEY_OTHER_SCHOOL'
  | 'KEY_NOT_FOUND'
  | 'KEY_CHANGED'
  | 'KEY_EXISTS';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Messages per input field, for forms. */
    readonly fields?: Record<string, string[]>,
    /** For limits: whole seconds until the caller may try again (pages show it; they never parse the message). */
    readonly retryAfterSeconds?: number,
    /** For APPLICATION_INCOMPLETE: what is missing, as data pages navigate by. */
    readonly missing?: readonly MissingItem[],
    /** For APPLICATION_EXISTS: the child's application that is in the way (a draft may be deleted). */
    readonly existing?: { applicationId: string; status: ApplicationStatus; entryName: string; number: string },
    /** For IMPORT_INVALID: every bad row of the file with its row number and reason. */
    readonly rows?: readonly RowError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A rule refused one field of the input. */
export function fieldError(field: string, message: string): DomainError {
  return new DomainError('INVALID_INPUT', message, { [field]: [message] });
}

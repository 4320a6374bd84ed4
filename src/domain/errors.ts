/**
 * Errors the rules raise, each with a fixed code and a message a parent or reviewer can act on (zh-CN).
 * The API maps each code to a transport error in one place (`src/api/errors.ts`).
 */
export type DomainErrorCode =
  | 'REGION_NOT_FOUND'
  | 'ENTRY_NOT_FOUND'
  | 'SEASON_NOT_FOUND';

export class DomainError extends Error {
  constructor(readonly code: DomainErrorCode, message: string) {
    super(message);
    this.name = 'DomainError';
  }
}

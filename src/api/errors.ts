import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { DomainError, type DomainErrorCode } from '../domain/errors';

/** The one place where a rule's error code becomes a transport error. */
const transportCode: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  REGION_NOT_FOUND: 'NOT_FOUND',
  ENTRY_NOT_FOUND: 'NOT_FOUND',
  SEASON_NOT_FOUND: 'NOT_FOUND',
  INVALID_INPUT: 'BAD_REQUEST',
  SIGN_IN_REQUIRED: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  UNTRUSTED_ORIGIN: 'FORBIDDEN',
  CODE_TOO_SOON: 'TOO_MANY_REQUESTS',
  CODE_DAILY_LIMIT: 'TOO_MANY_REQUESTS',
  CODE_IP_LIMIT: 'TOO_MANY_REQUESTS',
  CODE_INVALID: 'BAD_REQUEST',
  CODE_EXPIRED: 'BAD_REQUEST',
  CODE_BURNED: 'BAD_REQUEST',
  PHONE_UNCHANGED: 'BAD_REQUEST',
  PHONE_TAKEN: 'CONFLICT',
  CHILD_NOT_FOUND: 'NOT_FOUND',
  CHILD_ALREADY_BOUND: 'CONFLICT',
  CHILD_ALREADY_YOURS: 'CONFLICT',
  CHILD_LIMIT: 'BAD_REQUEST',
  CHILD_HAS_ACTIVE_APPLICATION: 'CONFLICT',
  DEV_ONLY: 'NOT_FOUND',
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: transportCode[error.code], message: error.message, cause: error });
}

export const internalErrorMessage = '系统繁忙，请稍后再试';

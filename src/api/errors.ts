import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { DomainError, type DomainErrorCode } from '../domain/errors';

/** The one place where a rule's error code becomes a transport error. */
const transportCode: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  REGION_NOT_FOUND: 'NOT_FOUND',
  ENTRY_NOT_FOUND: 'NOT_FOUND',
  SEASON_NOT_FOUND: 'NOT_FOUND',
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: transportCode[error.code], message: error.message, cause: error });
}

export const internalErrorMessage = '系统繁忙，请稍后再试';

import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { DomainError, DomainErrorCode } from '../domain/errors';

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
  CONSENT_REQUIRED: 'BAD_REQUEST',
  CODE_BURNED: 'BAD_REQUEST',
  PHONE_UNCHANGED: 'BAD_REQUEST',
  PHONE_TAKEN: 'CONFLICT',
  CHILD_NOT_FOUND: 'NOT_FOUND',
  CHILD_ALREADY_BOUND: 'CONFLICT',
  CHILD_ALREADY_YOURS: 'CONFLICT',
  CHILD_LIMIT: 'BAD_REQUEST',
  CHILD_HAS_ACTIVE_APPLICATION: 'CONFLICT',
  ACCOUNT_HAS_LIVE_APPLICATION: 'CONFLICT',
  DEV_ONLY: 'NOT_FOUND',
  RECORDS_UNAVAILABLE: 'TOO_MANY_REQUESTS',
  PRECHECK_NOT_ALLOWED: 'FORBIDDEN',
  STAFF_SIGN_IN_FAILED: 'UNAUTHORIZED',
  STAFF_SIGN_IN_REQUIRED: 'UNAUTHORIZED',
  STAFF_LOCKED: 'TOO_MANY_REQUESTS',
  STAFF_FORBIDDEN: 'FORBIDDEN',
  STAFF_EXISTS: 'CONFLICT',
  STAFF_NOT_FOUND: 'NOT_FOUND',
  APPLICATION_NOT_FOUND: 'NOT_FOUND',
  APPLICATION_EXISTS: 'CONFLICT',
  APPLICATION_CHANGED: 'CONFLICT',
  APPLICATION_LOCKED: 'FORBIDDEN',
  APPLICATION_INCOMPLETE: 'BAD_REQUEST',
  WINDOW_CLOSED: 'FORBIDDEN',
  CORRECTION_DEADLINE_PASSED: 'FORBIDDEN',
  NOT_ELIGIBLE: 'BAD_REQUEST',
  WITHDRAW_LIMIT: 'FORBIDDEN',
  WITHDRAW_NOT_ALLOWED: 'FORBIDDEN',
  SCHOOL_NOT_FOUND: 'BAD_REQUEST',
  CHANNEL_NOT_FOUND: 'BAD_REQUEST',
  DOCUMENT_NOT_FOUND: 'NOT_FOUND',
  DOCUMENT_REJECTED: 'BAD_REQUEST',
  DOCUMENT_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DOCUMENT_LIMIT: 'CONFLICT',
  APPEAL_NOT_FOUND: 'NOT_FOUND',
  APPEAL_EXISTS: 'CONFLICT',
  APPEAL_CHANGED: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  BATCH_TOO_LARGE: 'BAD_REQUEST',
  ALERT_NOT_FOUND: 'NOT_FOUND',
  DEAD_LETTER_NOT_FOUND: 'NOT_FOUND',
  DEAD_LETTER_RETRIED: 'CONFLICT',
  DEAD_LETTER_IS_CODE: 'BAD_REQUEST',
  WINDOW_NOT_FOUND: 'NOT_FOUND',
  WINDOW_CHANGED: 'CONFLICT',
  SEASON_CHANGED: 'CONFLICT',
  SEASON_EXISTS: 'CONFLICT',
  REGION_EXISTS: 'CONFLICT',
  REGION_CHANGED: 'CONFLICT',
  PAGE_NOT_FOUND: 'NOT_FOUND',
  PAGE_CHANGED: 'CONFLICT',
  PAGE_EXISTS: 'CONFLICT',
  TRACK_NOT_FOUND: 'NOT_FOUND',
  CHANNEL_CHANGED: 'CONFLICT',
  CHANNEL_IN_USE: 'CONFLICT',
  CHANNEL_DISABLED: 'BAD_REQUEST',
  CHANNEL_EXISTS: 'CONFLICT',
  SCHOOL_CHANGED: 'CONFLICT',
  SCHOOL_EXISTS: 'CONFLICT',
  SCHOOL_IN_USE: 'CONFLICT',
  COMMUNITY_EXISTS: 'CONFLICT',
  IMPORT_INVALID: 'BAD_REQUEST',
  PLACEMENT_RULES_CHANGED: 'CONFLICT',
  LOTTERY_CLOSED: 'CONFLICT',
  LOTTERY_NOT_YET: 'CONFLICT',
  OBSERVER_EXISTS: 'CONFLICT',
  OBSERVER_NOT_FOUND: 'NOT_FOUND',
  OBSERVER_REVEALED: 'CONFLICT',
  PLACEMENT_DRAWN: 'CONFLICT',
  DRAW_NOT_FOUND: 'NOT_FOUND',
  OBJECTION_CLOSED: 'CONFLICT',
  OBJECTION_EXISTS: 'CONFLICT',
  OBJECTION_NOT_FOUND: 'NOT_FOUND',
  OBJECTION_SAME_ADMIN: 'FORBIDDEN',
  OBJECTION_DECIDED: 'CONFLICT',
  OBJECTION_DOCUMENTS_CLOSED: 'FORBIDDEN',
  SEAT_NOT_OFFERED: 'CONFLICT',
  SEAT_CLOSED: 'CONFLICT',
  SEAT_ANSWERED: 'CONFLICT',
  KEY_UNKNOWN: 'UNAUTHORIZED',
  KEY_EXPIRED: 'UNAUTHORIZED',
  KEY_REVOKED: 'UNAUTHORIZED',
  KEY_SCOPE_MISSING: 'FORBIDDEN',
  AGENT_NOT_ALLOWED: 'FORBIDDEN',
  KEY_OTHER_SCHOOL: 'FORBIDDEN',
  KEY_NOT_FOUND: 'NOT_FOUND',
  KEY_CHANGED: 'CONFLICT',
  KEY_EXISTS: 'CONFLICT',
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: transportCode[error.code], message: error.message, cause: error });
}

export const internalErrorMessage = '系统繁忙，请稍后再试';

/** The database cannot be reached (a restart, a network fault): the parent may simply try again shortly. */
export const databaseUnavailableMessage = '系统暂时无法处理请求，请稍后重试；已成功提交的信息不会丢失';

/**
 * Whether an error (or one of its causes) says the database was unreachable rather than that a statement was wrong:
 * a refused or lost connection, a libSQL server answering 5xx or restarting, a busy local file.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? '');
    const message = String((e as { message?: unknown }).message ?? '');
    if (unavailableCodes.has(code)) return true;
    if (unavailableText.test(message)) return true;
  }
  return false;
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'SERVER_ERROR',
  'HRANA_CLOSED_ERROR',
  'HRANA_WEBSOCKET_ERROR',
  'SQLITE_BUSY',
]);
/** Node's fetch, workerd's fetch and libSQL's HTTP client, when the server is down, restarting or shedding load. */
const unavailableText =
  /^fetch failed|^Network connection lost|connection refused|^Server returned HTTP status (429|5\d\d)|database is locked/i;

/** zh-CN texts for errors raised by the transport itself (tRPC or the body limit) before any procedure runs. */
export const transportMessages: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  PARSE_ERROR: '请求内容不是有效的 JSON，请刷新页面后重试',
  BAD_REQUEST: '请求格式不正确，请刷新页面后重试',
  NOT_FOUND: '找不到该接口，请确认地址是否正确',
  METHOD_NOT_SUPPORTED: '请求方式不正确：查询请用 GET，提交请用 POST',
  UNSUPPORTED_MEDIA_TYPE: '请求的内容类型不受支持，请以 application/json 提交',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  SERVICE_UNAVAILABLE: databaseUnavailableMessage,
  TIMEOUT: '请求超时，请稍后重试',
  CLIENT_CLOSED_REQUEST: '请求已取消',
};

const chinese = /[\u4e00-\u9fff]/;

/**
 * The message a caller sees: a rule's own zh-CN text, the first validation message, or, for errors raised by the
 * transport (English text from tRPC), the zh-CN text of their code. Internal errors never show their text.
 */
export function publicMessage(
  error: { code: TRPC_ERROR_CODE_KEY; cause?: unknown },
  message: string,
  validationMessage: string | null | undefined,
): string {
  if (error.code === 'INTERNAL_SERVER_ERROR') return internalErrorMessage;
  if (validationMessage !== undefined) return validationMessage ?? '输入有误';
  if (chinese.test(message)) return message;
  // tRPC reports a body that is not JSON as BAD_REQUEST caused by the parser's SyntaxError.
  if (error.cause instanceof SyntaxError) return transportMessages.PARSE_ERROR!;
  return transportMessages[error.code] ?? internalErrorMessage;
}

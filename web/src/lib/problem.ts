import { isTRPCClientError } from '@trpc/client';
import type { RowError } from '../../../src/domain/school-import';
import { zhCN } from '../i18n/zh-CN';

export interface Problem {
  /** The API's zh-CN message, or ours for a network failure. */
  message: string;
  /** Messages per input field, from validation or a rule that names its field. */
  fields: Record<string, string | undefined>;
  code?: string;
  domainCode?: string;
  /** For limits: seconds until the server takes the request again. */
  retryAfterSeconds?: number;
  /** For APPLICATION_EXISTS: the child's application in the way (a draft may be deleted). */
  existing?: { applicationId: string; status: string; entryName: string; number: string };
  /** For IMPORT_INVALID: every bad row of the imported file. */
  rowErrors?: RowError[];
}

/** A refused or failed file request (`/api/files`, `/api/my-data`, exports), with the server's zh-CN message (or ours
 * for a dropped connection) and its domain code. */
export class FileRequestError extends Error {
  constructor(
    message: string,
    readonly domainCode?: string,
  ) {
    super(message);
  }
}

/** The problem's message when no field carries it (shown once for the whole form), else undefined. */
export function formOnlyMessage(problem: Problem | undefined): string | undefined {
  return problem && Object.values(problem.fields).every((v) => !v) ? problem.message : undefined;
}

/** A failed write, in words a parent can act on. */
export function problemOf(error: unknown): Problem {
  if (isTRPCClientError(error)) {
    const data = error.data as
      | {
          code?: string;
          domainCode?: string | null;
          fieldErrors?: Record<string, string[] | undefined> | null;
          retryAfterSeconds?: number | null;
          existing?: Problem['existing'] | null;
          rowErrors?: RowError[] | null;
        }
      | undefined;
    if (!data?.code) return { message: zhCN.errors.network, fields: {} };
    const fields: Record<string, string | undefined> = {};
    for (const [name, list] of Object.entries(data.fieldErrors ?? {})) fields[name] = list?.[0];
    const message = data.code === 'INTERNAL_SERVER_ERROR' ? zhCN.errors.server : error.message;
    return {
      message,
      fields,
      code: data.code,
      domainCode: data.domainCode ?? undefined,
      retryAfterSeconds: data.retryAfterSeconds ?? undefined,
      existing: data.existing ?? undefined,
      rowErrors: data.rowErrors ?? undefined,
    };
  }
  if (error instanceof FileRequestError) return { message: error.message, fields: {}, domainCode: error.domainCode };
  return { message: zhCN.errors.server, fields: {} };
}

/** The seconds of a resend countdown the server still holds (its structured `retryAfterSeconds`, never its text). */
export function waitSeconds(p: Problem) {
  return p.domainCode === 'CODE_TOO_SOON' ? (p.retryAfterSeconds ?? 0) : 0;
}

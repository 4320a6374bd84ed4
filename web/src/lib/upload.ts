import { zhApply } from '../i18n/zh-CN-apply';
import { zhCN } from '../i18n/zh-CN';
import type { UploadedDocument } from './applications';

export type UploadResult = UploadedDocument & { applicationVersion: number };

import { FileRequestError } from './problem';

export { FileRequestError };

interface ErrorBody {
  error?: { message?: string; domainCode?: string };
}

/** A refused file request's error: the server's JSON message, or ours. */
function failure(status: number, text: string): FileRequestError {
  if (status === 0) return new FileRequestError(zhCN.errors.network);
  try {
    const body = JSON.parse(text) as ErrorBody;
    if (body.error?.message) return new FileRequestError(body.error.message, body.error.domainCode);
  } catch {
    // not JSON: a proxy's page
  }
  return new FileRequestError(status === 413 ? zhApply.documents.tooLarge : zhCN.errors.server);
}

/**
 * `POST /api/files` (multipart) with XMLHttpRequest, which reports upload progress (fetch does not).
 * `onProgress` gets 0…1. The session cookie goes along (same origin). `replaces` swaps a file in one step; `side` is
 * 正面/反面 of an ID card.
 */
export function uploadDocument(
  input: { applicationId: string; kind: string; file: File; replaces?: string; side?: 'front' | 'back' },
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  const form = new FormData();
  form.append('applicationId', input.applicationId);
  form.append('kind', input.kind);
  if (input.replaces) form.append('replaces', input.replaces);
  if (input.side) form.append('side', input.side);
  form.append('file', input.file, input.file.name);
  return postFile<UploadResult>(form, onProgress, signal);
}

/** `POST /api/files` of a file filed with the family's objection (异议材料), with upload progress. */
export function uploadObjectionDocument(
  input: { objectionId: string; file: File },
  onProgress: (fraction: number) => void,
): Promise<UploadedDocument> {
  const form = new FormData();
  form.append('objectionId', input.objectionId);
  form.append('file', input.file, input.file.name);
  return postFile<UploadedDocument>(form, onProgress);
}

function postFile<T>(form: FormData, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          onProgress(1);
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new FileRequestError(zhCN.errors.server));
        }
      } else {
        reject(failure(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(failure(0, ''));
    xhr.onabort = () => reject(new FileRequestError(zhApply.documents.cancelled));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/**
 * `fetch` for the routes beside tRPC that answer errors as `{ error: { message, domainCode } }` (same origin, the
 * session cookie goes along): the response when it is OK, else a `FileRequestError` with the server's message.
 */
export async function fileRequest(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new FileRequestError(zhCN.errors.network);
  }
  if (!response.ok) throw failure(response.status, await response.text().catch(() => ''));
  return response;
}

/** `DELETE /api/files/:id`. */
export async function deleteDocument(id: string): Promise<void> {
  await fileRequest(`/api/files/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `1.2 MB`, `356 KB`: sizes as a parent reads them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

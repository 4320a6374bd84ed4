import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { Hono } from 'hono/tiny';
import type { Context as HonoContext } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, fieldError } from '../domain/errors';
import { documentMessages, maxDocumentBytes } from '../domain/file-types';
import { idPattern } from '../domain/ids';
import { limits } from '../domain/limits';
import { addDocument, type DocumentViewer, readDocument, removeDocument } from '../services/documents';
import { documentSideInput } from '../schemas/documents';
import { addObjectionDocument } from '../services/placement/objection-documents';
import { recordAgentStep } from '../services/agent-steps';
import { perAddress, takeLimits } from '../services/limits';
import { authenticateStaff } from '../services/staff/sessions';
import type { AppDeps } from './context';
import { toTRPCError } from './errors';
import { contextFromHono } from './http-context';
import { parentOfRequest } from './parent-http';

/**
 * Documents over plain HTTP (multipart does not fit tRPC's JSON): `POST /api/files` uploads (with `applicationId` and
 * `kind` for an application's document, or `objectionId` for 异议材料), `GET /api/files/:id`
 * serves the bytes to whoever may see them, `DELETE /api/files/:id` removes one. Sessions exactly as for parent
 * procedures: the cookie or `Authorization: Bearer`; writes with a cookie session must come from our own pages.
 * Errors are JSON `{ error: { code, domainCode, message } }` with the tRPC code and its HTTP status.
 */

/** Room for the multipart envelope around the largest file; everything beyond is refused before it is read. */
export const filesBodyLimit = maxDocumentBytes + 64 * 1024;

/**
 * What a served document may do in the browser: nothing. `sandbox` keeps a PDF or an image opened directly from
 * running script or reaching our origin, and `default-src 'none'` loads nothing else.
 */
export const documentSecurityPolicy = { sandbox: [] as string[], defaultSrc: ["'none'"] };

const kindPattern = /^[a-z0-9-]{1,40}$/;

export function filesError(c: HonoContext, error: DomainError) {
  const transport = toTRPCError(error);
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
  return c.json(
    {
      error: {
        code: transport.code,
        domainCode: error.code,
        message: error.message,
        ...(error.fields ? { fieldErrors: error.fields } : {}),
        ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      },
    },
    getHTTPStatusCodeFromError(transport) as ContentfulStatusCode,
  );
}

/** A route's handler whose refusals (DomainError) answer as `filesError` does; anything else goes to the app's handler. */
export const answerFiles = (handler: (c: HonoContext) => Promise<Response>) => async (c: HonoContext) => {
  try {
    return await handler(c);
  } catch (error) {
    if (error instanceof DomainError) return filesError(c, error);
    throw error;
  }
};

/** The body-limit answer for `/api/files`: the same message as a file over the limit. */
export function filesTooLarge(c: HonoContext) {
  c.header('Connection', 'close'); // the refused body is never read: the connection cannot carry another request
  return filesError(c, new DomainError('DOCUMENT_TOO_LARGE', documentMessages.tooLarge));
}

/** `inline; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987>` (or `attachment; …`: a file to save). */
export function contentDisposition(fileName: string, disposition: 'inline' | 'attachment' = 'inline'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A multipart part with a body (a `File` on either host), rather than a plain field. */
function isUploadedFile(value: unknown): value is Blob & { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as Blob).arrayBuffer === 'function' && 'name' in value;
}

function text(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : null;
}

/** `depsOf` gives each request its dependencies (the Worker builds them per request). */
export function filesRoutes(depsOf: (c: HonoContext) => AppDeps, clientIp: (c: HonoContext) => string | null) {
  const routes = new Hono();

  /** The signed-in parent behind the request; for writes, also proof that the request comes from our pages. */
  const parentOf = (c: HonoContext, write: boolean) => parentOfRequest(depsOf(c), c, clientIp, write);

  /** An upload's share of the account's and the address's upload limits. */
  async function takeUploadLimits(c: HonoContext, accountId: string, size: number) {
    const ip = clientIp(c);
    await takeLimits(depsOf(c), [
      { rule: limits.uploadsPerAccount, subject: accountId },
      { rule: limits.uploadBytesPerAccount, subject: accountId, weight: size },
      ...perAddress(limits.uploadsPerAddress, ip),
      ...perAddress(limits.uploadBytesPerAddress, ip).map((charge) => ({ ...charge, weight: size })),
    ]);
  }

  routes.post(
    '/',
    answerFiles(async (c) => {
      const parent = await parentOf(c, true);
      if (!c.req.header('content-type')?.toLowerCase().startsWith('multipart/form-data')) {
        throw new DomainError('INVALID_INPUT', '请以 multipart/form-data 格式上传文件');
      }
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new DomainError('INVALID_INPUT', '上传的内容不完整，请重新上传');
      }
      const file: unknown = form.get('file');
      if (!isUploadedFile(file)) throw fieldError('file', '请选择要上传的文件');
      const objectionId = text(form, 'objectionId');
      if (objectionId !== null) {
        if (!idPattern.test(objectionId)) throw fieldError('objectionId', '异议编号格式不正确');
        if (file.size > maxDocumentBytes) throw new DomainError('DOCUMENT_TOO_LARGE', documentMessages.tooLarge);
        await takeUploadLimits(c, parent.accountId, file.size);
        const bytes = new Uint8Array(await file.arrayBuffer());
        return c.json(await addObjectionDocument(depsOf(c), parent.accountId, { objectionId, fileName: file.name, bytes }), 201);
      }
      const applicationId = text(form, 'applicationId');
      if (!applicationId || !idPattern.test(applicationId)) throw fieldError('applicationId', '报名编号格式不正确');
      const kind = text(form, 'kind');
      if (!kind || !kindPattern.test(kind)) throw fieldError('kind', '材料类型不正确');
      const replaces = text(form, 'replaces') || null;
      if (replaces && !idPattern.test(replaces)) throw fieldError('replaces', '要替换的文件编号格式不正确');
      const side = documentSideInput.safeParse(text(form, 'side') || null);
      if (!side.success) throw fieldError('side', side.error.issues[0]!.message);
      if (file.size > maxDocumentBytes) throw new DomainError('DOCUMENT_TOO_LARGE', documentMessages.tooLarge);
      const deps = depsOf(c);
      await takeUploadLimits(c, parent.accountId, file.size);

      const view = await addDocument(deps, parent.accountId, {
        applicationId,
        kind,
        replaces,
        side: side.data,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      // An upload by an agent (代办) for the family is recorded in the agent's name, as the parents' procedures do.
      await recordAgentStep(deps, parent, {
        name: 'files.upload',
        input: { applicationId },
        output: null,
        ip: clientIp(c),
        requestId: c.get('requestId'),
      });
      return c.json(view, 201);
    }),
  );

  /** A reader is the owning parent, or a reviewer who may see the application (staff session). */
  async function viewerOf(c: HonoContext): Promise<DocumentViewer> {
    const deps = depsOf(c);
    const ctx = contextFromHono(deps, c, new Headers(), clientIp);
    if (ctx.staffCredentials.via === 'cookie' && !ctx.credentials.token) {
      return { kind: 'staff', member: await authenticateStaff(deps, ctx.staffCredentials.token, ctx.afterResponse) };
    }
    try {
      return { kind: 'parent', accountId: (await parentOf(c, false)).accountId };
    } catch (error) {
      if (!(error instanceof DomainError) || !ctx.staffCredentials.token) throw error;
      const member = await authenticateStaff(deps, ctx.staffCredentials.token, ctx.afterResponse).catch(() => null);
      if (!member) throw error;
      return { kind: 'staff', member };
    }
  }

  routes.get(
    '/:id',
    answerFiles(async (c) => {
      const viewer = await viewerOf(c);
      const id = c.req.param('id') ?? '';
      if (!idPattern.test(id)) throw new DomainError('DOCUMENT_NOT_FOUND', '找不到该文件');
      const deps = depsOf(c);
      const { requestId } = contextFromHono(deps, c, new Headers(), clientIp);
      const doc = await readDocument(deps, viewer, id, { ip: clientIp(c), requestId });
      return c.body(doc.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': doc.contentType,
        'Content-Length': String(doc.bytes.length),
        'Content-Disposition': contentDisposition(doc.fileName),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    }),
  );

  routes.delete(
    '/:id',
    answerFiles(async (c) => {
      const parent = await parentOf(c, true);
      const id = c.req.param('id') ?? '';
      if (!idPattern.test(id)) throw new DomainError('DOCUMENT_NOT_FOUND', '找不到该文件');
      const { applicationId, ...removed } = await removeDocument(depsOf(c), parent.accountId, id);
      await recordAgentStep(depsOf(c), parent, {
        name: 'files.remove',
        input: { applicationId },
        output: null,
        ip: clientIp(c),
        requestId: c.get('requestId'),
      });
      return c.json(removed);
    }),
  );

  return routes;
}

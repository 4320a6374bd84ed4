import { Hono } from 'hono/tiny';
import type { Context as HonoContext } from 'hono';
import * as z from '../schemas/zod';
import { DomainError } from '../domain/errors';
import { looksLikeIntegrationToken } from '../domain/integration-key';
import { csvOf } from '../domain/placement/confirmed-list';
import type { ExportFormat } from '../domain/placement/confirmed-export';
import { idSchema } from '../schemas/common';
import { confirmedExport, type ExportActor } from '../services/placement/confirmed-export';
import { authenticateIntegrationKey } from '../services/integration/authenticate';
import { authenticateStaff } from '../services/staff/sessions';
import type { WorkbookWriter } from '../http-app';
import type { AppDeps } from './context';
import { answerFiles, contentDisposition } from './files';
import { contextFromHono } from './http-context';

/**
 * The lists schools import into their 学籍 system, made on the server: `GET /api/exports/confirmed.xlsx` and
 * `GET /api/exports/confirmed.csv` (`schoolId`, optional `seasonId` and `state`: confirmed | pending | declined).
 * Served by the staff Worker (`deskRoutes`). Errors are JSON `{ error: { code, domainCode, message } }` as for
 * `/api/files`.
 */

const query = z.object({
  schoolId: idSchema('学校'),
  seasonId: idSchema('招生季').optional(),
  state: z.enum(['confirmed', 'pending', 'declined'], { error: '确认状态只能是 confirmed、pending 或 declined' }).optional(),
});

/**
 * Who is asking: a system with an integration key (`Authorization: Bearer ik_…`, audited with the key's name), or a
 * staff session (the staff cookie, or `Authorization: Bearer` with a staff token). Reading a list is not a write, so
 * the origin is not checked (as for the desk's tRPC queries).
 */
async function exportActorOf(deps: AppDeps, c: HonoContext, clientIp: (c: HonoContext) => string | null): Promise<ExportActor> {
  const ctx = contextFromHono(deps, c, new Headers(), clientIp);
  if (ctx.staffCredentials.via === 'bearer' && looksLikeIntegrationToken(ctx.staffCredentials.token)) {
    const key = await authenticateIntegrationKey(deps, ctx.staffCredentials.token);
    return {
      principal: { kind: 'key', scopes: key.scopes, schoolId: key.schoolId },
      staffId: null,
      username: key.name,
      key: { keyId: key.keyId, schoolId: key.schoolId },
    };
  }
  const member = await authenticateStaff(deps, ctx.staffCredentials.token, ctx.afterResponse);
  return {
    principal: { kind: 'staff', role: member.role, schoolId: member.schoolId },
    staffId: member.staffId,
    username: member.username,
  };
}

const contentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function exportsRoutes(
  depsOf: (c: HonoContext) => AppDeps,
  clientIp: (c: HonoContext) => string | null,
  workbook: WorkbookWriter | undefined,
) {
  const routes = new Hono();

  const confirmed = (format: ExportFormat) =>
    answerFiles(async (c) => {
      const deps = depsOf(c);
      const actor = await exportActorOf(deps, c, clientIp);
      const parsed = query.safeParse(c.req.query());
      if (!parsed.success) throw new DomainError('INVALID_INPUT', parsed.error.issues[0]!.message);
      if (format === 'xlsx' && !workbook) throw new DomainError('INVALID_INPUT', '此服务不提供 XLSX 导出，请导出 CSV');
      const file = await confirmedExport(
        deps,
        actor,
        { ...parsed.data, format },
        { ip: clientIp(c), requestId: c.get('requestId') ?? null },
      );
      const body = format === 'csv' ? csvOf(file.table) : await (await workbook!(file.table, '录取名单')).arrayBuffer();
      return c.body(body, 200, {
        'Content-Type': contentTypes[format],
        'Content-Disposition': contentDisposition(file.fileName, 'attachment'),
        'Cache-Control': 'no-store',
        'X-Export-Rows': String(file.rows),
      });
    });

  routes.get('/confirmed.xlsx', confirmed('xlsx'));
  routes.get('/confirmed.csv', confirmed('csv'));
  return routes;
}

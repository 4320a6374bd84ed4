import { asc, sql } from 'drizzle-orm';
import { applications } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { formatChinaDateTime } from '../../domain/china-time';
import { auditStatement, auditStatements } from '../audit';
import type { SignedInStaff } from '../staff/sessions';
import { type QueueFilters, queueRows, queueWhere, rowView } from './queue';

/** The most rows one export may hold: a county season fits; beyond that, narrow the filters. */
export const maxExportRows = 100_000;

const columns = [
  '报名编号',
  '状态',
  '学生姓名',
  '学生证件号码',
  '报名入口',
  '年级',
  '报名通道',
  '第一志愿',
  '第二志愿',
  '居住社区',
  '兄姐同校',
  '撤回次数',
  '提交时间（北京时间）',
] as const;

/** RFC 4180 quoting; a leading = + - @ is neutralised so that Excel never runs a cell as a formula. */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The filtered queue as CSV that Excel opens correctly (UTF-8 with BOM, CRLF), names and ID numbers masked.
 * The export itself is audited with its filters and row count, and each application in it with an `export_row`
 * entry of its own (so the family sees 导出 in their 查阅记录).
 */
export async function exportQueue(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  member: SignedInStaff,
  filters: QueueFilters,
  request: { ip: string | null; requestId: string | null },
) {
  const { db } = deps;
  const rows = (
    await queueRows(db, queueWhere(member, filters)).orderBy(asc(applications.submittedAt), asc(applications.id)).limit(maxExportRows)
  ).map(rowView);
  const lines = [columns.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.number,
        r.statusName,
        r.childName,
        r.childIdMasked,
        r.entryName,
        r.grade,
        r.channelName,
        r.firstSchool,
        r.secondSchool,
        r.community,
        r.siblingPriority ? '是' : '否',
        r.withdrawCount,
        r.submittedAt ? formatChinaDateTime(new Date(r.submittedAt)) : '',
      ]
        .map(cell)
        .join(','),
    );
  }
  const at = deps.clock.now();
  const perRow = { staffId: member.staffId, username: member.username, action: 'export_row', ...request, at };
  await db.batch([
    auditStatement(db, {
      staffId: member.staffId,
      username: member.username,
      action: 'export',
      detail: {
        filters: { ...filters, submittedFrom: filters.submittedFrom?.toISOString(), submittedTo: filters.submittedTo?.toISOString() },
        rows: rows.length,
      },
      ip: request.ip,
      requestId: request.requestId,
      at,
    }),
    ...auditStatements(
      db,
      rows.map((r) => ({ ...perRow, applicationId: r.id })),
      sql`1`,
    ),
  ]);
  return {
    fileName: `报名数据-${formatChinaDateTime(deps.clock.now()).replace(' ', '-').replace(':', '')}.csv`,
    rows: rows.length,
    csv: `\uFEFF${lines.join('\r\n')}\r\n`,
  };
}

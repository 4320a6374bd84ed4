import { DomainError } from '../errors';
import { gradeNames } from '../eligibility';
import { type IdType, idTypes } from '../identity';
import { requireSchool, requireScope } from '../integration-key';
import type { IntegrationScope } from '../integration-scope';
import { idNumberRevealers, type StaffRoleCode } from '../staff-policy';
import { type ConfirmationState, confirmationNames } from './confirmed-list';

/**
 * A school's 录取名单 as the server exports it for the school's 学籍 system (`GET /api/exports/confirmed.xlsx|csv`):
 * who may export which school, whether ID numbers go out in full, and the columns in the import template's order.
 * The columns are those a 学籍 import asks for that the platform holds truthfully (docs/integrators.md, 导出).
 */

/** Who asks for an export: a signed-in staff member, or a system with an integration key. */
export type ExportPrincipal =
  | { kind: 'staff'; role: StaffRoleCode; schoolId: string | null }
  | { kind: 'key'; scopes: IntegrationScope[]; schoolId: string | null };

/**
 * Whether the export carries full ID numbers: for a staff role that may reveal them one by one. A key gets them masked:
 * no integration scope grants full ID numbers.
 */
export const mayExportFullIdNumbers = (principal: ExportPrincipal): boolean =>
  principal.kind === 'staff' && idNumberRevealers.includes(principal.role);

/**
 * Refuses a principal the list of `schoolId`: a school reviewer or a school-scoped key another school's, a key without
 * `placements.read` any. The county and administrators, and a key without a school scope, may export every school.
 */
export function assertMayExport(principal: ExportPrincipal, schoolId: string): void {
  if (principal.kind === 'key') {
    requireScope(principal, 'placements.read');
    requireSchool(principal, schoolId);
    return;
  }
  if (!idNumberRevealers.includes(principal.role)) throw new DomainError('STAFF_FORBIDDEN', '您的角色无权执行此操作');
  if (principal.role === 'school_reviewer' && principal.schoolId !== schoolId)
    throw new DomainError('STAFF_FORBIDDEN', '只能查看本校的录取名单');
}

/** An ID number as the export carries it: in full when allowed, else masked as every list shows it. */
export interface ExportedId {
  full: string | null;
  masked: string;
}

/** One placed application, as loaded for the export. */
export interface ExportEntry {
  childName: string;
  sex: 'male' | 'female' | null;
  /** YYYY-MM-DD. */
  birthDate: string | null;
  idType: IdType;
  idNumber: ExportedId;
  /** 全国学籍号: only a pupil who already goes to school (七年级, 转学) has one. */
  studentNumber: ExportedId | null;
  grade: number;
  school: string;
  channel: string | null;
  community: string | null;
  address: string | null;
  hukouAddress: string | null;
  fatherName: string | null;
  motherName: string | null;
  phone: string;
  number: string;
  confirmation: ConfirmationState;
}

/** The columns, in the order a 学籍 system's new-pupil import template asks for them. */
export const exportColumns = [
  '姓名',
  '性别',
  '出生日期',
  '身份证件类型',
  '身份证件号',
  '全国学籍号',
  '入学年级',
  '录取学校',
  '录取类别',
  '居住社区',
  '现住址',
  '户籍地址',
  '父亲姓名',
  '母亲姓名',
  '联系电话',
  '报名编号',
  '确认状态',
] as const;

const sexNames = { male: '男', female: '女' } as const;

const idText = (id: ExportedId | null, full: boolean) => (id ? (full && id.full ? id.full : id.masked) : '');

/** The header and one row of text per entry, in `exportColumns`' order (an unknown value is an empty cell). */
export function exportTable(entries: readonly ExportEntry[], options: { fullIdNumbers: boolean }): string[][] {
  return [
    [...exportColumns],
    ...entries.map((e) => [
      e.childName,
      e.sex ? sexNames[e.sex] : '',
      e.birthDate ?? '',
      idTypes[e.idType],
      idText(e.idNumber, options.fullIdNumbers),
      idText(e.studentNumber, options.fullIdNumbers),
      gradeNames[e.grade] ?? `${e.grade}年级`,
      e.school,
      e.channel ?? '',
      e.community ?? '',
      e.address ?? '',
      e.hukouAddress ?? '',
      e.fatherName ?? '',
      e.motherName ?? '',
      e.phone,
      e.number,
      confirmationNames[e.confirmation],
    ]),
  ];
}

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

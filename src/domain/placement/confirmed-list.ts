/**
 * A school's confirmed list (录取名单) as the school exports it for its 学籍 system: the columns in that system's import
 * order, one row per placed application, and the CSV form.
 */

export type ConfirmationState = 'confirmed' | 'pending' | 'declined';

export const confirmationNames: Record<ConfirmationState, string> = { confirmed: '已确认', pending: '待确认', declined: '已放弃' };

/**
 * 确认入学 as the list says it: the family's answer, or 待确认 while it has not answered. A seat the draw gave and the
 * family left unanswered past the deadline (`lapsed`) counts as given up.
 */
export const confirmationState = (answer: 'confirmed' | 'declined' | 'lapsed' | null): ConfirmationState =>
  answer === 'lapsed' ? 'declined' : (answer ?? 'pending');

/** The guardian a list names: the father's name on the form, else the mother's. */
export function guardianOf(form: Record<string, unknown> | null): string | null {
  const names = [form?.fatherName, form?.motherName];
  return names.find((n): n is string => typeof n === 'string' && n.trim() !== '') ?? null;
}

export interface ConfirmedEntry {
  childName: string;
  sex: 'male' | 'female' | null;
  /** YYYY-MM-DD. */
  birthDate: string | null;
  /** As lists show it (430922********1234); the full number only through the audited reveal. */
  idNumberMasked: string;
  guardianName: string | null;
  guardianPhone: string;
  number: string;
  channel: string | null;
  community: string | null;
  confirmation: ConfirmationState;
}

/** The columns, in the order a 学籍 system imports them. */
export const confirmedColumns = [
  '姓名',
  '性别',
  '出生日期',
  '身份证件号',
  '监护人',
  '联系电话',
  '报名编号',
  '通道',
  '社区',
  '确认状态',
] as const;

const sexNames = { male: '男', female: '女' } as const;

/** The header and one row of text per entry, in the columns' order (an unknown value is an empty cell). */
export function confirmedRows(entries: readonly ConfirmedEntry[]): string[][] {
  return [
    [...confirmedColumns],
    ...entries.map((e) => [
      e.childName,
      e.sex ? sexNames[e.sex] : '',
      e.birthDate ?? '',
      e.idNumberMasked,
      e.guardianName ?? '',
      e.guardianPhone,
      e.number,
      e.channel ?? '',
      e.community ?? '',
      confirmationNames[e.confirmation],
    ]),
  ];
}

/**
 * One CSV cell: text that a spreadsheet would run as a formula (starting with = + - @ or a tab) gets a `'` in front,
 * then RFC 4180 quoting when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV that Excel opens correctly: UTF-8 with a BOM, CRLF line ends, one at the end. */
export function csvOf(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** `录取名单-实验小学-2024年秋季.xlsx`: the school and season, with characters no file system takes replaced. */
export function confirmedFileName(school: string, season: string, extension: 'xlsx' | 'csv'): string {
  return `录取名单-${school}-${season}.${extension}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

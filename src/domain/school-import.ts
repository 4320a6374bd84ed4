import { type EntryCode, type Level, levels } from './catalog';
import { gradeNames, levelNames } from './eligibility';
import { placesOf, schoolCodePattern, schoolLimits, schoolPhoneOf, splitCommunities } from './school-rules';

/**
 * The spreadsheet of schools and communities an administrator imports into a season: its columns, and the rules a row
 * must meet. The browser and the server run the same rules; the server also knows the season and the region.
 */
export const schoolColumns = {
  code: '学校代码',
  name: '学校名称',
  level: '学段',
  address: '地址',
  phone: '咨询电话',
  catchment: '招生范围（社区）',
} as const;
export type SchoolColumn = keyof typeof schoolColumns;

/** The sheet (or CSV) that lists the region's communities: one column, 社区名称. */
export const communitySheet = '社区';
export const schoolSheet = '学校';
export const communityColumn = '社区名称';

/** One column of 计划学位: an entry of the season and one of its grades; `levels` are those that offer that grade. */
export interface PlaceColumn {
  key: string;
  entryCode: EntryCode;
  entryId: string;
  grade: number;
  levels: Level[];
  label: string;
}

export const placeKey = (entryCode: string, grade: number) => `${entryCode}:${grade}`;

/** The season's place columns: one per entry and grade some track of the entry offers, in the entries' order. */
export function placeColumns(
  entries: readonly { id: string; code: EntryCode; name: string }[],
  tracks: readonly { entryId: string; level: Level; gradeMin: number; gradeMax: number }[],
): PlaceColumn[] {
  return entries.flatMap((entry) => {
    const own = tracks.filter((t) => t.entryId === entry.id);
    const grades = [...new Set(own.flatMap((t) => range(t.gradeMin, t.gradeMax)))].sort((a, b) => a - b);
    return grades.map((grade) => ({
      key: placeKey(entry.code, grade),
      entryCode: entry.code,
      entryId: entry.id,
      grade,
      levels: levels.filter((level) => own.some((t) => t.level === level && grade >= t.gradeMin && grade <= t.gradeMax)),
      label: `${entry.name}·${gradeNames[grade] ?? `${grade}年级`}学位`,
    }));
  });
}

function range(from: number, to: number) {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** A row of the schools' sheet as read: every cell as text, `row` its spreadsheet row number (the header is row 1). */
export interface SchoolRowInput {
  row: number;
  code: string;
  name: string;
  level: string;
  address: string;
  phone: string;
  catchment: string;
  /** Cells of the place columns by `placeKey`: `360`, or classes × class size as `8×45`. */
  places: Record<string, string>;
}

export interface CommunityRowInput {
  row: number;
  name: string;
}

/** What is wrong with one row (or, with `row` 1, with the sheet's header). */
export interface RowError {
  sheet: typeof schoolSheet | typeof communitySheet;
  row: number;
  column: string | null;
  message: string;
}

export interface ImportedPlaces {
  entryId: string;
  grade: number;
  places: number;
  classes: number | null;
  classSize: number | null;
}

export interface ImportedSchool {
  row: number;
  code: string;
  name: string;
  level: Level;
  address: string;
  contactPhone: string | null;
  communities: string[];
  places: ImportedPlaces[];
}

export interface ImportContext {
  columns: readonly PlaceColumn[];
  /** The region's communities by name. */
  communities: readonly string[];
  /** The region's schools (their identities) by code. */
  schools: readonly { code: string; level: Level }[];
}

export type ImportDecision = { ok: true; schools: ImportedSchool[]; newCommunities: string[] } | { ok: false; errors: RowError[] };

const levelOf = (text: string): Level | null => {
  const t = text.trim();
  return levels.find((level) => level === t || levelNames[level] === t) ?? null;
};

/** `360` → places; `8×45` (also `8x45`, `8*45`, `8X45`) → classes × class size; empty → none; anything else → null. */
export function placesCell(text: string): { places?: number; classes?: number; classSize?: number } | 'empty' | null {
  const t = text.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (t === '') return 'empty';
  if (/^\d+$/.test(t)) return { places: Number(t) };
  const m = /^(\d+)\s*[×xX*＊]\s*(\d+)$/.exec(t);
  if (m) return { classes: Number(m[1]), classSize: Number(m[2]) };
  return null;
}

/**
 * Every row checked against the rules and the season: codes (well formed, once in the file, the same level as the
 * region's school of that code), names, levels, addresses, phones, places (whole numbers or classes × class size, only
 * in columns of the school's level) and catchments (communities of the region or listed in the file's 社区 sheet).
 * All rows pass, or every error is returned, each with its row number.
 */
export function decideImport(
  input: { schools: readonly SchoolRowInput[]; communities: readonly CommunityRowInput[] },
  context: ImportContext,
): ImportDecision {
  const errors: RowError[] = [];
  const known = new Set(context.communities);
  const listed = new Map<string, number>();
  for (const c of input.communities) {
    const name = c.name.trim();
    const fail = (message: string) => errors.push({ sheet: communitySheet, row: c.row, column: communityColumn, message });
    if (name === '') fail('请填写社区名称');
    else if (name.length > schoolLimits.community) fail(`社区名称不能超过${schoolLimits.community}个字`);
    else if (listed.has(name)) fail(`社区「${name}」与第 ${listed.get(name)} 行重复`);
    else listed.set(name, c.row);
  }
  const newCommunities = [...listed.keys()].filter((name) => !known.has(name));
  const available = new Set([...known, ...listed.keys()]);
  const existingLevel = new Map(context.schools.map((s) => [s.code, s.level]));
  const columns = new Map(context.columns.map((c) => [c.key, c]));
  const seenCodes = new Map<string, number>();
  const schools: ImportedSchool[] = [];
  if (input.schools.length === 0) errors.push({ sheet: schoolSheet, row: 1, column: null, message: '文件中没有学校' });

  for (const r of input.schools) {
    const before = errors.length;
    const fail = (column: string | null, message: string) => errors.push({ sheet: schoolSheet, row: r.row, column, message });
    const code = r.code.trim();
    const name = r.name.trim();
    const address = r.address.trim();
    if (code === '') fail(schoolColumns.code, '请填写学校代码');
    else if (code.length > schoolLimits.code || !schoolCodePattern.test(code))
      fail(schoolColumns.code, `学校代码「${code}」只能包含字母、数字、- 和 _，不超过${schoolLimits.code}个字符`);
    else if (seenCodes.has(code)) fail(schoolColumns.code, `学校代码「${code}」与第 ${seenCodes.get(code)} 行重复`);
    else seenCodes.set(code, r.row);
    if (name === '') fail(schoolColumns.name, '请填写学校名称');
    else if (name.length > schoolLimits.name) fail(schoolColumns.name, `学校名称不能超过${schoolLimits.name}个字`);
    const level = levelOf(r.level);
    if (!level)
      fail(schoolColumns.level, r.level.trim() ? `未知的学段「${r.level.trim()}」，请填写小学或初中` : '请填写学段（小学或初中）');
    const had = existingLevel.get(code);
    if (level && had && had !== level)
      fail(schoolColumns.level, `学校代码「${code}」已是${levelNames[had]}，学段不能改为${levelNames[level]}`);
    if (address === '') fail(schoolColumns.address, '请填写地址');
    else if (address.length > schoolLimits.address) fail(schoolColumns.address, `地址不能超过${schoolLimits.address}个字`);
    const phone = schoolPhoneOf(r.phone);
    if (!phone.ok) fail(schoolColumns.phone, phone.message);
    const communities = splitCommunities(r.catchment);
    for (const c of communities.filter((c) => !available.has(c))) {
      fail(schoolColumns.catchment, `社区「${c}」不存在：请在「${communitySheet}」表中列出，或先在系统中添加`);
    }
    const places: ImportedPlaces[] = [];
    for (const [key, cell] of Object.entries(r.places)) {
      const column = columns.get(key);
      const parsed = placesCell(cell);
      if (parsed === 'empty') continue;
      if (!column) {
        fail(key, `本招生季没有「${key}」这一学位列`);
        continue;
      }
      if (parsed === null) {
        fail(column.label, `学位「${cell.trim()}」须为整数或「班数×班额」（如 360 或 8×45）`);
        continue;
      }
      const decided = placesOf(parsed);
      if (!decided.ok) {
        fail(column.label, decided.message);
        continue;
      }
      if (level && !column.levels.includes(level)) {
        if (decided.places > 0) fail(column.label, `${levelNames[level]}不招收「${column.label.replace(/学位$/, '')}」`);
        continue;
      }
      places.push({
        entryId: column.entryId,
        grade: column.grade,
        places: decided.places,
        classes: decided.classes,
        classSize: decided.classSize,
      });
    }
    if (errors.length === before && level && phone.ok) {
      schools.push({ row: r.row, code, name, level, address, contactPhone: phone.phone, communities, places });
    }
  }
  if (errors.length)
    return { ok: false, errors: errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === schoolSheet ? -1 : 1)) };
  return { ok: true, schools, newCommunities };
}

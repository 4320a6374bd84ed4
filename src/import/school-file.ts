/// <reference path="./papaparse.d.ts" />
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import {
  type CommunityRowInput,
  communityColumn,
  communitySheet,
  type PlaceColumn,
  type RowError,
  type SchoolColumn,
  type SchoolRowInput,
  schoolColumns,
  schoolSheet,
} from '../domain/school-import';
import { columnLetters, formulaCells } from './formula-cells';

/**
 * Reads the schools and communities an administrator imports: an XLSX workbook (sheets 学校 and 社区; without a 学校
 * sheet the first one that is not 社区) or CSV files (a schools table, or a communities table with the one column
 * 社区名称). Pure TypeScript, shared by the staff desk and the tests; the server receives its rows and checks them
 * again. Returns the rows with their spreadsheet row numbers and what is wrong with the file itself (formula cells,
 * numbers typed into text columns, missing or unknown columns).
 */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadFiles {
  schools: SchoolRowInput[];
  communities: CommunityRowInput[];
  errors: RowError[];
}

type Cell = string | number | boolean | Date | null | undefined;
type Table = { sheet: typeof schoolSheet | typeof communitySheet; rows: Cell[][]; formulas: Map<string, string>; csv: boolean };

const textColumns: readonly SchoolColumn[] = ['code', 'phone'];
const requiredColumns: readonly SchoolColumn[] = ['code', 'name', 'level', 'address'];

export async function readImportFiles(files: readonly ImportFile[], columns: readonly PlaceColumn[]): Promise<ReadFiles> {
  const out: ReadFiles = { schools: [], communities: [], errors: [] };
  const tables: Table[] = [];
  for (const file of files) {
    if (isXlsx(file)) tables.push(...(await xlsxTables(file, out.errors)));
    else tables.push(csvTable(file));
  }
  for (const table of tables) {
    if (table.sheet === communitySheet) readCommunities(table, out);
    else readSchools(table, columns, out);
  }
  return out;
}

const isXlsx = (file: ImportFile) => file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;

async function xlsxTables(file: ImportFile, errors: RowError[]): Promise<Table[]> {
  let formulas: ReturnType<typeof formulaCells>;
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    formulas = formulaCells(file.bytes);
    const buffer = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as unknown as typeof sheets;
  } catch {
    errors.push({
      sheet: schoolSheet,
      row: 1,
      column: null,
      message: `无法读取「${file.name}」：请上传由模板填写的 .xlsx 或 .csv 文件（不超过 20 MB）`,
    });
    return [];
  }
  const community = sheets.find((s) => s.sheet.trim() === communitySheet);
  const school = sheets.find((s) => s.sheet.trim() === schoolSheet) ?? sheets.find((s) => s !== community);
  const table = (s: { sheet: string; data: Cell[][] }, sheet: Table['sheet']): Table => ({
    sheet,
    rows: s.data,
    formulas: new Map(formulas.filter((f) => f.sheet === s.sheet).map((f) => [`${f.row}:${f.column}`, f.cell])),
    csv: false,
  });
  return [...(school ? [table(school, schoolSheet)] : []), ...(community ? [table(community, communitySheet)] : [])];
}

/** A CSV as Chinese Excel saves it (GBK) or as UTF-8 with or without a BOM; `0012` stays text. */
function csvTable(file: ImportFile): Table {
  const rows = Papa.parse(decodeCsv(file.bytes), { header: false, dynamicTyping: false, skipEmptyLines: false }).data;
  const header = (rows[0] ?? []).map((h) => h.trim());
  const sheet = header.includes(communityColumn) && !header.includes(schoolColumns.code) ? communitySheet : schoolSheet;
  return { sheet, rows, formulas: new Map(), csv: true };
}

export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const blank = (row: Cell[] | undefined) => !row || row.every((c) => c === null || c === undefined || String(c).trim() === '');

/** The rows after the header, each with its spreadsheet number (data[i] is row i + 1), blank rows skipped. */
function* bodyRows(table: Table) {
  for (let i = 1; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (!blank(row)) yield { number: i + 1, cells: row! };
  }
}

/** A cell as text; a formula, a date or a number in a text column is an error of its row. */
function cellText(table: Table, rowNumber: number, column: number, value: Cell, label: string, asText: boolean, out: ReadFiles): string {
  const at = `${columnLetters(column)}${rowNumber}`;
  const fail = (message: string) => {
    out.errors.push({ sheet: table.sheet, row: rowNumber, column: label, message });
    return '';
  };
  if (table.formulas.has(`${rowNumber}:${column}`)) return fail(`单元格 ${at} 是公式，请改为直接填写内容`);
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return fail(`单元格 ${at} 是日期，请填写${label}`);
  if (typeof value === 'number' && asText) return fail(`单元格 ${at} 是数字格式：${label}请设为文本格式后重新填写（数字会丢掉开头的 0）`);
  const text = String(value);
  if (table.csv && text.trim().startsWith('=')) return fail(`单元格 ${at} 以「=」开头，像是公式，请直接填写内容`);
  return text;
}

function readSchools(table: Table, columns: readonly PlaceColumn[], out: ReadFiles) {
  const header = (table.rows[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const headerError = (message: string) => out.errors.push({ sheet: schoolSheet, row: 1, column: null, message });
  const fixed = new Map<SchoolColumn, number>();
  const places = new Map<string, { index: number; label: string }>();
  header.forEach((title, index) => {
    const field = (Object.keys(schoolColumns) as SchoolColumn[]).find((k) => schoolColumns[k] === title);
    if (field) fixed.set(field, index);
    else {
      const column = columns.find((c) => c.label === title || c.key === title);
      if (column) places.set(column.key, { index, label: column.label });
      else if (title.includes('学位')) headerError(`未知的学位列「${title}」：请下载本招生季的模板`);
    }
  });
  const missing = requiredColumns.filter((k) => !fixed.has(k));
  if (missing.length) {
    headerError(`缺少列：${missing.map((k) => schoolColumns[k]).join('、')}（第 1 行须为列名，请使用模板）`);
    return;
  }
  for (const { number, cells } of bodyRows(table)) {
    const text = (field: SchoolColumn) => {
      const index = fixed.get(field);
      return index === undefined
        ? ''
        : cellText(table, number, index, cells[index], schoolColumns[field], textColumns.includes(field), out);
    };
    out.schools.push({
      row: number,
      code: text('code'),
      name: text('name'),
      level: text('level'),
      address: text('address'),
      phone: text('phone'),
      catchment: text('catchment'),
      places: Object.fromEntries(
        [...places].map(([key, { index, label }]) => [key, cellText(table, number, index, cells[index], label, false, out)]),
      ),
    });
  }
}

function readCommunities(table: Table, out: ReadFiles) {
  const header = (table.rows[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const index = header.indexOf(communityColumn);
  if (index < 0) {
    out.errors.push({ sheet: communitySheet, row: 1, column: null, message: `「${communitySheet}」表缺少列：${communityColumn}` });
    return;
  }
  for (const { number, cells } of bodyRows(table)) {
    out.communities.push({ row: number, name: cellText(table, number, index, cells[index], communityColumn, false, out) });
  }
}

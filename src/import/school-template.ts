import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/universal';
import { communityColumn, communitySheet, type PlaceColumn, schoolColumns, schoolSheet } from '../domain/school-import';
import { levelNames } from '../domain/eligibility';

/**
 * The import template of a season: the schools' columns (code and phone formatted as text, so a leading 0 stays),
 * one column of places per entry and grade of the season, an example row, and a 社区 sheet. Made in the browser.
 */
export interface TemplateOptions {
  columns: readonly PlaceColumn[];
  /** The region's communities, listed in the 社区 sheet (a file may add more there). */
  communities: readonly string[];
}

const fixedColumns = Object.values(schoolColumns);

/** The example row: a primary school with its first place column filled as classes × class size. */
function exampleRow(options: TemplateOptions): string[] {
  const primary = options.columns.find((c) => c.levels.includes('primary'));
  return [
    'example-primary',
    '示例小学（导入前请删除本行）',
    levelNames.primary,
    '某某镇某某路1号',
    '0737-8820000',
    options.communities.slice(0, 2).join('、'),
    ...options.columns.map((c) => (c === primary ? '8×45' : '')),
  ];
}

export function templateRows(options: TemplateOptions): string[][] {
  return [[...fixedColumns, ...options.columns.map((c) => c.label)], exampleRow(options)];
}

const text = (value: string) => ({ value, type: String, format: '@' }) as const;
/** Rows an administrator fills below the example, their code and phone cells already formatted as text. */
const blankRows = 300;

export async function schoolTemplateXlsx(options: TemplateOptions): Promise<Blob> {
  const [header, example] = templateRows(options);
  const schools: SheetData = [
    header!.map((value) => ({ value, fontWeight: 'bold' as const })),
    example!.map((value) => text(value)),
    ...Array.from(
      { length: blankRows },
      (): Row => header!.map((h) => (h === schoolColumns.code || h === schoolColumns.phone ? { type: String, format: '@' } : null)),
    ),
  ];
  const communities: SheetData = [[{ value: communityColumn, fontWeight: 'bold' }], ...options.communities.map((c): Row => [text(c)])];
  return writeXlsxFile([
    { sheet: schoolSheet, data: schools, columns: header!.map((h) => ({ width: Math.max(12, h.length * 2 + 2) })), stickyRowsCount: 1 },
    { sheet: communitySheet, data: communities, columns: [{ width: 20 }], stickyRowsCount: 1 },
  ]).toBlob();
}

/** A CSV cell, quoted when it must be. */
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: readonly string[][]) => `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** The schools' CSV template (UTF-8 with a BOM, which Excel opens correctly). */
export function schoolTemplateCsv(options: TemplateOptions): string {
  return csv(templateRows(options));
}

/** The communities' CSV template: one column, 社区名称. */
export function communityTemplateCsv(options: TemplateOptions): string {
  return csv([[communityColumn], ...options.communities.map((c) => [c])]);
}

import writeXlsxFile, { type SheetData } from 'write-excel-file/universal';

/**
 * A confirmed list's rows (header first, from `confirmedRows`) as an XLSX workbook of one sheet, made in the browser.
 * Every cell is text (format `@`): an ID number or a phone must not become a number, a date must stay as written, and
 * text that looks like a formula stays text.
 */
export function confirmedListXlsx(rows: readonly (readonly string[])[]): Promise<Blob> {
  const [header, ...body] = rows;
  const data: SheetData = [
    (header ?? []).map((value) => ({ value, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => ({ value, type: String, format: '@' }))),
  ];
  return writeXlsxFile(data, {
    sheet: '录取名单',
    columns: (header ?? []).map((h, i) => ({ width: i === 3 ? 22 : Math.max(10, h.length * 2 + 4) })),
    stickyRowsCount: 1,
  }).toBlob();
}

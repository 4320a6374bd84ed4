import writeXlsxFile, { type SheetData } from 'write-excel-file/universal';

/**
 * A table's rows (header first) as an XLSX workbook of one sheet: the server's exports (`GET /api/exports/…`), given
 * to the app by the hosts that serve them (`HostHooks.workbook`). The universal build needs only `Blob`, so it runs
 * on Node and in workerd alike. Every cell is text (format `@`): an ID number or a phone must not become a number, a
 * date must stay as written, and text that looks like a formula stays text.
 */
export function tableXlsx(rows: readonly (readonly string[])[], sheet: string): Promise<Blob> {
  const [header, ...body] = rows;
  const data: SheetData = [
    (header ?? []).map((value) => ({ value, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => ({ value, type: String, format: '@' }))),
  ];
  return writeXlsxFile(data, {
    sheet,
    columns: (header ?? []).map((h) => ({ width: /证件号|学籍号/.test(h) ? 22 : Math.max(10, h.length * 2 + 4) })),
    stickyRowsCount: 1,
  }).toBlob();
}

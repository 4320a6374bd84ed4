import { confirmedFileName, confirmedRows, csvOf, type ConfirmedEntry } from '../../../src/domain/placement/confirmed-list';
import { saveFile } from '../lib/save-file';

/** The XLSX writer (write-excel-file) loads only when a list is exported. */
const loadXlsx = () => import('../../../src/import/confirmed-xlsx');

/** Saves the list as shown (its filter applied) as XLSX or CSV, made in the browser; answers the file's name. */
export async function exportConfirmed(
  entries: readonly ConfirmedEntry[],
  names: { school: string; season: string },
  format: 'xlsx' | 'csv',
): Promise<string> {
  const rows = confirmedRows(entries);
  const name = confirmedFileName(names.school, names.season, format);
  if (format === 'csv') saveFile(new Blob([csvOf(rows)], { type: 'text/csv;charset=utf-8' }), name);
  else saveFile(await (await loadXlsx()).confirmedListXlsx(rows), name);
  return name;
}

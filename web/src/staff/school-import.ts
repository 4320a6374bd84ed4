import type { PlaceColumn, RowError } from '../../../src/domain/school-import';
import { api } from '../lib/trpc';
import { problemOf } from '../lib/problem';
import { saveFile } from '../lib/save-file';

/** The reader and the template writer (read-excel-file, papaparse, fflate, write-excel-file) load only when used. */
const loadReader = () => import('../../../src/import/school-file');
const loadTemplates = () => import('../../../src/import/school-template');

export type ImportOutcome = { ok: true; created: number; updated: number; communities: number } | { ok: false; errors: RowError[] };

const sameCell = (a: RowError, b: RowError) => a.sheet === b.sheet && a.row === b.row && a.column === b.column;

/**
 * Reads the chosen files in the browser and sends their rows to `admin.importSchools`. When the file itself has errors
 * (formula cells, numbers in text columns) nothing is written: a dry run adds the server's errors of the other rows,
 * so the administrator sees every bad row at once. A refusal other than bad rows (a stale season) is thrown.
 */
export async function importSchoolFiles(season: { id: string; version: number }, columns: readonly PlaceColumn[], files: readonly File[]) {
  const { readImportFiles } = await loadReader();
  const read = await readImportFiles(
    await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    columns,
  );
  const send = (dryRun: boolean) =>
    api.admin.importSchools.mutate({
      seasonId: season.id,
      version: season.version,
      dryRun,
      schools: read.schools,
      communities: read.communities,
    });
  try {
    const done = await send(read.errors.length > 0);
    if (read.errors.length) return { ok: false, errors: read.errors } satisfies ImportOutcome;
    return { ok: true, created: done.created, updated: done.updated, communities: done.communities } satisfies ImportOutcome;
  } catch (error) {
    const rows = problemOf(error).rowErrors;
    if (!rows) throw error;
    const merged = [...read.errors, ...rows.filter((r) => !read.errors.some((e) => sameCell(e, r)))];
    merged.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === '学校' ? -1 : 1));
    return { ok: false, errors: merged } satisfies ImportOutcome;
  }
}

/** The season's import template, made in the browser: XLSX, or a CSV of the schools or of the communities. */
export async function downloadTemplate(
  kind: 'xlsx' | 'csv' | 'communities',
  seasonName: string,
  columns: readonly PlaceColumn[],
  communities: readonly string[],
) {
  const templates = await loadTemplates();
  const options = { columns, communities };
  if (kind === 'xlsx') saveFile(await templates.schoolTemplateXlsx(options), `学校导入模板-${seasonName}.xlsx`);
  else if (kind === 'csv')
    saveFile(new Blob([templates.schoolTemplateCsv(options)], { type: 'text/csv' }), `学校导入模板-${seasonName}.csv`);
  else saveFile(new Blob([templates.communityTemplateCsv(options)], { type: 'text/csv' }), `社区导入模板-${seasonName}.csv`);
}

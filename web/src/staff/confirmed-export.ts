import type { ConfirmationState } from '../../../src/domain/placement/confirmed-list';
import { saveFile } from '../lib/save-file';
import { fileRequest } from '../lib/upload';

/** The file's name from `Content-Disposition` (its UTF-8 `filename*`, else the ASCII `filename`). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Downloads a school's 录取名单 as the server makes it (`GET /api/exports/confirmed.xlsx|csv`, audited there, full ID
 * numbers for roles that may see them) and saves it; answers the file's name and its rows.
 */
export async function exportConfirmed(
  list: { schoolId: string; seasonId: string; state: ConfirmationState | '' },
  format: 'xlsx' | 'csv',
): Promise<{ name: string; rows: number }> {
  const query = new URLSearchParams({ schoolId: list.schoolId, seasonId: list.seasonId, ...(list.state ? { state: list.state } : {}) });
  const response = await fileRequest(`/api/exports/confirmed.${format}?${query}`);
  const name = fileNameOf(response.headers.get('content-disposition'), `录取名单.${format}`);
  saveFile(await response.blob(), name);
  return { name, rows: Number(response.headers.get('x-export-rows') ?? 0) };
}

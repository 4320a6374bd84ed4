import { strFromU8, unzipSync } from 'fflate';

/** The most an import may unzip: a schools workbook is a few hundred kilobytes; this refuses zip bombs. */
export const maxUnzippedBytes = 20 * 1024 * 1024;

export interface FormulaCell {
  sheet: string;
  /** The cell's address, `C5`. */
  cell: string;
  row: number;
  column: number;
}

/**
 * Every cell of the workbook that holds a formula or an error value. read-excel-file reads only a formula's cached
 * value (stale, or missing and then silently `null`), so the importer refuses them, naming each cell.
 */
export function formulaCells(xlsx: Uint8Array): FormulaCell[] {
  let total = 0;
  const files = unzipSync(xlsx, {
    filter: (f) => {
      total += f.originalSize;
      if (total > maxUnzippedBytes) throw new Error('too large');
      return f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/[^/]+\.xml$/.test(f.name);
    },
  });
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const targets = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target')]),
  );
  const found: FormulaCell[] = [];
  for (const sheet of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = xmlText(attr(sheet[0], 'name') ?? '');
    // The relationship id's prefix is usually `r:`, but it is only a namespace prefix.
    const target = targets.get(/\s[\w.-]+:id="([^"]*)"/.exec(sheet[0])?.[1]);
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    for (const cell of text(path).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1] ?? '';
      if (!/<f[\s>/]/.test(cell[2] ?? '') && attr(attrs, 't') !== 'e') continue;
      const ref = attr(attrs, 'r') ?? '';
      const m = /^([A-Z]+)(\d+)$/.exec(ref);
      if (m) found.push({ sheet: name, cell: ref, row: Number(m[2]), column: columnIndex(m[1]!) });
    }
  }
  return found;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag)?.[1];
}

function xmlText(s: string) {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** `A` → 0, `AB` → 27. */
export function columnIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** 0 → `A`, 27 → `AB`. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder; `remove()` deletes it and everything in it. */
export function tempDir(prefix: string) {
  const path = mkdtempSync(join(tmpdir(), `enroll-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

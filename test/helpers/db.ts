import { createDb, type Db } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { tempDir } from './temp';

/** A migrated libSQL file of its own in a temp folder; `open()` gives another client on it (a second process). */
export async function freshDatabase(name: string) {
  const dir = tempDir(name);
  const url = `file:${dir.path}/${name}.db`;
  const db = await createDb(url);
  await migrateDb(db);
  const others: Db[] = [];
  return {
    db,
    url,
    async open() {
      const other = await createDb(url);
      others.push(other);
      return other;
    },
    close() {
      for (const d of [db, ...others]) d.$client.close();
      dir.remove();
    },
  };
}

/** A log that keeps every line, so a test can check what was (not) written. */
export function recordingLog() {
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
  };
  return { lines, log: { info: keep, warn: keep, error: keep } };
}

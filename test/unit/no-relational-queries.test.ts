import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The Worker's per-request database client is built without drizzle's relational API (db/client-web.ts, decision 027). */
describe('the code the Worker runs', () => {
  it('never uses drizzle’s relational queries (db.query.<table>)', () => {
    const users = ['src', 'worker', 'db']
      .flatMap((dir) => sources(join(projectDir, dir)))
      .filter((file) => /\.query\.\w+\.find(First|Many)\b|\bdb\.query\b/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(projectDir.length));
    expect(users).toEqual([]);
  });
});

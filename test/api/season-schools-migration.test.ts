import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { tempDir } from '../helpers/temp';

const migrations = fileURLToPath(new URL('../../db/migrations', import.meta.url));
const dir = tempDir('season-schools-migration');
afterAll(() => dir.remove());

/** The committed migrations up to and including `lastTag`, as a folder of their own. */
function migrationsUpTo(lastTag: string): string {
  const folder = join(dir.path, 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  const kept = journal.entries.slice(0, last + 1);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const file of readdirSync(migrations).filter((f) => kept.some((e) => `${e.tag}.sql` === f))) {
    copyFileSync(join(migrations, file), join(folder, file));
  }
  return folder;
}

describe('moving places and catchments to the season (migrations 0014 and 0015)', () => {
  it("gives every season of a school's region the school's address, phone, order, new-student places and catchment", async () => {
    const db = await createDb(`file:${dir.path}/old.db`);
    try {
      await migrate(db, { migrationsFolder: migrationsUpTo('0013_region_page_nonces') });
      await db.$client.executeMultiple(`
        INSERT INTO regions (id, code, name) VALUES ('r', 'town', '某镇');
        INSERT INTO seasons (id, region_id, code, name, year) VALUES ('s24', 'r', '2024', '2024年秋季', 2024), ('s25', 'r', '2025', '2025年秋季', 2025);
        INSERT INTO entries (id, season_id, code, name, description, grade_min, grade_max, sort) VALUES
          ('e24-1', 's24', 'grade1', '一年级', '', 1, 1, 0), ('e24-7', 's24', 'grade7', '七年级', '', 7, 7, 1),
          ('e25-1', 's25', 'grade1', '一年级', '', 1, 1, 0);
        INSERT INTO communities (id, region_id, name, sort) VALUES ('c1', 'r', '甲社区', 0), ('c2', 'r', '乙村', 1);
        INSERT INTO schools (id, region_id, code, name, level, capacity, address, contact_phone, sort) VALUES
          ('p', 'r', 'p', '某小学', 'primary', 300, '某路1号', '0737-1111111', 0),
          ('j', 'r', 'j', '某中学', 'junior', 500, '某路2号', NULL, 1);
        INSERT INTO catchments (school_id, community_id) VALUES ('p', 'c1'), ('p', 'c2'), ('j', 'c2');
      `);
      await migrateDb(db);

      const offers = await db.$client.execute(
        'SELECT season_id, school_id, address, contact_phone, sort FROM season_schools ORDER BY season_id, sort',
      );
      expect(offers.rows.map((r) => [r.season_id, r.school_id, r.address, r.contact_phone, r.sort])).toEqual([
        ['s24', 'p', '某路1号', '0737-1111111', 0],
        ['s24', 'j', '某路2号', null, 1],
        ['s25', 'p', '某路1号', '0737-1111111', 0],
        ['s25', 'j', '某路2号', null, 1],
      ]);
      const places = await db.$client.execute(`
        SELECT ss.season_id, ss.school_id, p.entry_id, p.grade, p.places FROM school_places p
        JOIN season_schools ss ON ss.id = p.season_school_id ORDER BY ss.season_id, ss.sort`);
      // The 2025 season has no grade-7 entry: the junior school has no places there until an administrator gives them.
      expect(places.rows.map((r) => [r.season_id, r.school_id, r.entry_id, r.grade, r.places])).toEqual([
        ['s24', 'p', 'e24-1', 1, 300],
        ['s24', 'j', 'e24-7', 7, 500],
        ['s25', 'p', 'e25-1', 1, 300],
      ]);
      const served = await db.$client.execute(`
        SELECT ss.season_id, ss.school_id, c.community_id FROM season_catchments c
        JOIN season_schools ss ON ss.id = c.season_school_id ORDER BY ss.season_id, ss.sort, c.community_id`);
      expect(served.rows.map((r) => `${r.season_id}:${r.school_id}:${r.community_id}`)).toEqual([
        's24:p:c1',
        's24:p:c2',
        's24:j:c2',
        's25:p:c1',
        's25:p:c2',
        's25:j:c2',
      ]);
      const columns = await db.$client.execute('PRAGMA table_info(schools)');
      expect(columns.rows.map((r) => r.name)).toEqual(['id', 'region_id', 'code', 'name', 'level', 'updated_at']);
      const tables = await db.$client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'catchments'");
      expect(tables.rows).toEqual([]);
    } finally {
      db.$client.close();
    }
  });
});

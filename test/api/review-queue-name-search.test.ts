import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { applications, childNameGrams, children, entries, schools, seasons, tracks } from '../../db/schema';
import { seedCatalog } from '../../db/seed';
import { childNameContains } from '../../src/services/review/name-search';
import { queueRows, queueWhere, reviewQueue } from '../../src/services/review/queue';
import type { SignedInStaff } from '../../src/services/staff/sessions';
import { startSqld } from '../../worker/sqld';

/** Names as families type them: 2–4 characters, repeats, Latin in both cases, digits, symbols and LIKE's wildcards. */
const names = [
  ...['张伟', '张小明', '李明华', '王明', '刘芳芳', '芳芳芳', '小明', '欧阳小明', '司马明华', '明华明', '华明华', '张', '伟'],
  ...['阿卜杜·热合曼', '买买提 艾力', 'Zhang Wei', 'ZHANG wei', 'zhangwei', 'Anna-Maria', "O'Brien", 'anna', 'ANNA'],
  ...['李2', '王1二', '12345', 'Ａｎｎａ', 'Äbel', 'äbel', 'Straße', 'STRASSE', '😀小明', '小明😀', '50%张', '张_伟', 'a_b'],
  ...['  空格  ', '张'.repeat(40), '小明'.repeat(20)],
];

/** Every query a reviewer might type: each slice of one to four characters of those names, and some that match none. */
const queries = [
  ...new Set([
    ...names.flatMap((n) => {
      const chars = Array.from(n.trim());
      return [1, 2, 3, 4].flatMap((len) => chars.slice(0, chars.length - len + 1).map((_, i) => chars.slice(i, i + len).join('')));
    }),
    ...['ZHANG', 'zhang', 'Zh', 'zH', 'w', 'W', 'ANNA-m', 'o’brien', 'ÄBEL', 'ä', 'Ä', 'ss', 'SS', 'ß', 'ａ', 'Ａ'],
    ...['%', '_', '张_', '%明', '明%华', 'a_b', '__', '小明小明小', '明华明华', '赵', 'xyz', '😀', '2', '1二'],
  ]),
].filter((q) => q.trim() === q && q !== '');

const county: SignedInStaff = {
  staffId: 's',
  username: 'county',
  displayName: '',
  role: 'county_reviewer',
  schoolId: null,
  schoolName: null,
  sessionId: '',
};

/** The name search as it was before decision 025: LIKE over the joined child's name. */
const byLike = (q: string) =>
  sql`${applications.childId} IN (SELECT ${children.id} FROM ${children} WHERE ${children.name} LIKE ${`%${q}%`})`;

async function seedFamilies(db: Db) {
  await seedCatalog(db);
  const [season] = await db.select().from(seasons);
  const [entry] = await db.select().from(entries).where(eq(entries.code, 'grade1'));
  const [track] = await db.select().from(tracks).where(eq(tracks.entryId, entry!.id));
  const primary = (await db.select().from(schools).where(eq(schools.level, 'primary'))).map((s) => s.id);
  const statuses = ['submitted', 'draft', 'rejected', 'withdrawn', 'preliminarily_approved'];
  const statements = names.flatMap((name, k) => {
    const at = Date.UTC(2024, 6, 15) + ((k * 7919) % 97) * 60_000;
    return [
      {
        sql: 'INSERT INTO accounts (id, phone, created_at, updated_at) VALUES (?, ?, ?, ?)',
        args: [`acc${k}`, `1390000${String(k).padStart(4, '0')}`, at, at],
      },
      {
        sql: `INSERT INTO children (id, account_id, name, id_type, id_cipher, id_blind, id_masked, created_at, updated_at)
              VALUES (?, ?, ?, 'resident', 'x', ?, '430922********0000', ?, ?)`,
        args: [`child${k}`, `acc${k}`, name, `blind${k}`, at, at],
      },
      {
        sql: `INSERT INTO applications (id, number, account_id, child_id, season_id, entry_id, grade, track_id, status, version,
                withdraw_count, form, first_school_id, second_school_id, declaration_accepted_at, submitted_at, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 1, 0, '{}', ?, ?, ?, ?, ?, ?)`,
        args: [
          `app${k}`,
          `TA24-1-${String(k).padStart(6, '0')}`,
          `acc${k}`,
          `child${k}`,
          season!.id,
          entry!.id,
          track!.id,
          statuses[k % statuses.length]!,
          primary[k % primary.length]!,
          primary[(k + 1) % primary.length]!,
          at,
          at,
          at,
          at,
        ],
      },
    ];
  });
  await db.$client.batch(statements, 'write');
  return { school: { ...county, role: 'school_reviewer' as const, schoolId: primary[0]! } };
}

/** The page and total of the queue, and the export's rows, with the search given as a condition of its own. */
async function searched(db: Db, member: SignedInStaff, condition: SQL, order: 'asc' | 'desc') {
  const where = and(queueWhere(member, {}), condition);
  const sorted = [order === 'asc' ? asc(applications.submittedAt) : desc(applications.submittedAt), asc(applications.id)];
  const [page, [total]] = await Promise.all([
    db
      .select({ id: applications.id })
      .from(applications)
      .where(where)
      .orderBy(...sorted)
      .limit(5),
    db.select({ n: count() }).from(applications).where(where),
  ]);
  return { ids: page.map((r) => r.id), total: total!.n };
}

for (const host of ['Node host (libSQL file)', 'Worker (sqld over HTTP)'] as const) {
  describe(`the review queue's name search on the ${host}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'name-search-'));
    let db: Db;
    let url = `file:${dir}/search.db`;
    let school: SignedInStaff;
    let stop = async () => {};
    beforeAll(async () => {
      if (host.startsWith('Worker')) {
        const sqld = await startSqld({ dbPath: join(dir, 'sqld') });
        stop = sqld.stop;
        url = sqld.url;
      }
      db = await createDb(url);
      await migrateDb(db);
      ({ school } = await seedFamilies(db));
    });
    afterAll(async () => {
      db.$client.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    });

    // Over HTTP each query costs dozens of round trips: sqld answers every third one.
    const asked = host.startsWith('Node') ? queries : queries.filter((_, i) => i % 3 === 0);
    it(`finds the same applications in the same order as LIKE '%…%' on the name, for ${asked.length} queries`, async () => {
      expect(asked.length).toBeGreaterThan(90);
      for (const q of asked) {
        for (const member of [county, school]) {
          for (const order of ['asc', 'desc'] as const) {
            const indexed = await searched(db, member, childNameContains(q), order);
            expect(indexed, `${member.role} ${order} “${q}”`).toEqual(await searched(db, member, byLike(q), order));
          }
          const page = await reviewQueue(db, member, { q, sort: 'submittedAt', order: 'asc', page: 1, pageSize: 5 });
          const expected = await searched(db, member, byLike(q), 'asc');
          expect({ ids: page.rows.map((r) => r.id), total: page.total }, `queue ${member.role} “${q}”`).toEqual(expected);
          const exported = await queueRows(db, queueWhere(member, { q })).orderBy(asc(applications.submittedAt), asc(applications.id));
          expect(exported.length, `export ${member.role} “${q}”`).toBe(expected.total);
        }
      }
    });

    it('a rename is found by its new name at once and no longer by the old one; a removed child leaves nothing behind', async () => {
      const total = async (q: string) =>
        (await reviewQueue(db, county, { q, sort: 'submittedAt', order: 'asc', page: 1, pageSize: 50 })).total;
      expect(await total('刘芳')).toBe(1);
      await db.update(children).set({ name: '刘静怡' }).where(eq(children.id, 'child4'));
      expect([await total('刘芳'), await total('静怡'), await total('刘静怡'), await total('怡')]).toEqual([0, 1, 1, 1]);
      const grams = await db.select({ gram: childNameGrams.gram }).from(childNameGrams).where(eq(childNameGrams.childId, 'child4'));
      expect(grams.map((g) => g.gram).sort()).toEqual(['刘静', '怡', '静怡'].sort());

      await db.delete(applications).where(eq(applications.childId, 'child4'));
      await db.delete(children).where(eq(children.id, 'child4'));
      expect(await db.select().from(childNameGrams).where(eq(childNameGrams.childId, 'child4'))).toEqual([]);
    });

    it('a search racing renames always agrees with LIKE read at the same moment', async () => {
      const renamer = await createDb(url);
      const agreeing = (q: string) =>
        db
          .select({
            indexed: sql<number>`(SELECT count(*) FROM ${applications} WHERE ${childNameContains(q)})`,
            liked: sql<number>`(SELECT count(*) FROM ${applications} WHERE ${byLike(q)})`,
          })
          .from(sql`(SELECT 1)`);
      const renames = (async () => {
        for (let i = 0; i < 40; i++) {
          await renamer
            .update(children)
            .set({ name: i % 2 ? '赵子龙' : '钱多多' })
            .where(eq(children.id, 'child0'));
        }
      })();
      const reads: { indexed: number; liked: number }[] = [];
      const searches = (async () => {
        for (let i = 0; i < 80; i++) for (const q of ['子龙', '赵子龙', '多多', '钱', '张伟']) reads.push(...(await agreeing(q)));
      })();
      await Promise.all([renames, searches]).finally(() => renamer.$client.close());
      for (const r of reads) expect(r.indexed).toBe(r.liked);
      expect(new Set(reads.map((r) => r.indexed))).toEqual(new Set([0, 1]));
    });
  });
}

describe('migration 0024 on a database that already has children', () => {
  it('indexes every existing name, so the first search after the upgrade finds them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'name-search-upgrade-'));
    const committed = fileURLToPath(new URL('../../db/migrations', import.meta.url));
    const before = join(dir, 'migrations');
    mkdirSync(join(before, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(join(committed, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const kept = journal.entries.filter((e) => e.tag < '0024');
    writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
    for (const e of kept) copyFileSync(join(committed, `${e.tag}.sql`), join(before, `${e.tag}.sql`));
    const db = await createDb(`file:${dir}/old.db`);
    try {
      await migrate(db, { migrationsFolder: before });
      await db.$client.executeMultiple(`
        INSERT INTO accounts (id, phone, created_at, updated_at) VALUES ('a', '13900000000', 0, 0);
        INSERT INTO children (id, account_id, name, id_type, id_cipher, id_blind, id_masked, created_at, updated_at) VALUES
          ('c1', 'a', '欧阳小明', 'resident', 'x', 'b1', 'm', 0, 0), ('c2', 'a', 'Anna', 'resident', 'x', 'b2', 'm', 0, 0);
      `);
      await migrateDb(db);
      const grams = await db.select().from(childNameGrams).orderBy(childNameGrams.childId, childNameGrams.gram);
      expect(grams.map((g) => `${g.childId}:${g.gram}`)).toEqual(
        ['c1:小明', 'c1:明', 'c1:欧阳', 'c1:阳小', 'c2:a', 'c2:an', 'c2:nn', 'c2:na'].sort(),
      );
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

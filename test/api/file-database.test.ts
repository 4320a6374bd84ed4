import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { keptStatements, statementsPrepared } from '../../db/statement-cache';
import { tempDir } from '../helpers/temp';

/**
 * The embedded database as every host process opens it (`createDb` on a `file:` URL): the same settings on every
 * statement, however many run at once, and a writer that waits for another process's writer instead of failing.
 */
const dir = tempDir('file-database');
afterAll(() => dir.remove());

/** Another process holds the write lock of `file` for `holdMs`; resolves once it has it. */
function writerElsewhere(file: string, holdMs: number) {
  const script = `
    const Database = require('libsql');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.exec("INSERT INTO t (v) VALUES ('elsewhere')");
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const locked = new Promise<void>((done) => child.stdout.on('data', () => done()));
  const ended = new Promise<number | null>((done) => child.on('exit', done));
  return { locked, ended };
}

describe('the embedded database file', () => {
  it('runs every statement with the host’s settings, also when many run at once', async () => {
    const db = await createDb(`file:${dir.path}/settings.db`);
    try {
      const answers = await Promise.all(
        Array.from({ length: 40 }, () =>
          db.$client.batch(['PRAGMA foreign_keys', 'PRAGMA synchronous', 'PRAGMA secure_delete', 'PRAGMA busy_timeout']),
        ),
      );
      const seen = new Set(answers.map((r) => r.map((one) => String(one.rows[0]![0])).join(' ')));
      // foreign keys on, synchronous FULL (2), secure delete on, 5 s busy timeout
      expect([...seen]).toEqual(['1 2 1 5000']);
    } finally {
      db.$client.close();
    }
  });

  /**
   * `writes` batches, each as one request's write, started at once while another process holds the write lock of a
   * fresh file for `holdMs`; `check` gets their outcomes, the ms they took and the database, once the other process ended.
   */
  async function writesWhileLockedElsewhere(
    name: string,
    holdMs: number,
    writes: number,
    check: (outcomes: PromiseSettledResult<unknown>[], tookMs: number, db: Awaited<ReturnType<typeof createDb>>) => Promise<void>,
  ) {
    const file = `${dir.path}/${name}.db`;
    const db = await createDb(`file:${file}`);
    try {
      await db.run(sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`);
      const other = writerElsewhere(file, holdMs);
      await other.locked;
      const started = Date.now();
      const outcomes = await Promise.allSettled(
        Array.from({ length: writes }, (_, i) => db.batch([db.run(sql`INSERT INTO t (v) VALUES (${`here ${i}`})`), db.run(sql`SELECT 1`)])),
      );
      const tookMs = Date.now() - started;
      expect(await other.ended).toBe(0);
      await check(outcomes, tookMs, db);
    } finally {
      db.$client.close();
    }
  }
  const values = async (db: Awaited<ReturnType<typeof createDb>>) =>
    (await db.all<{ v: string }>(sql`SELECT v FROM t ORDER BY id`)).map((r) => r.v);

  it('waits for another process’s writer and then writes, instead of answering SQLITE_BUSY', async () => {
    // Ten requests' writes at once, as a host under load makes them.
    await writesWhileLockedElsewhere('two-writers', 400, 10, async (outcomes, tookMs, db) => {
      expect(outcomes.map((o) => o.status)).toEqual(Array(10).fill('fulfilled'));
      expect(tookMs).toBeGreaterThan(200);
      expect(await values(db)).toEqual(['elsewhere', ...Array.from({ length: 10 }, (_, i) => `here ${i}`)]);
    });
  });

  it('answers every write of a group at once when another process holds the lock for the whole busy timeout', async () => {
    await writesWhileLockedElsewhere('lock-held', 7_000, 5, async (outcomes, tookMs, db) => {
      // one wait of the 5 s busy timeout for the group, not one more for each of its writes
      expect(tookMs).toBeLessThan(6_500);
      expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('rejected'));
      for (const o of outcomes) {
        const reason = (o as PromiseRejectedResult).reason;
        expect(String(reason?.cause?.code ?? reason)).toMatch(/SQLITE_BUSY/);
      }
      await db.run(sql`INSERT INTO t (v) VALUES ('after')`);
      expect(await values(db)).toEqual(['elsewhere', 'after']);
    });
  }, 15_000);

  it('prepares a statement once and runs it again with other values, as often as it is asked', async () => {
    const db = await createDb(`file:${dir.path}/kept.db`);
    try {
      await db.run(sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`);
      for (let i = 0; i < 5; i++) await db.run(sql`INSERT INTO t (v) VALUES (${`v${i}`})`);
      const before = statementsPrepared();
      const read = await Promise.all(
        Array.from({ length: 50 }, (_, i) => db.all<{ v: string }>(sql`SELECT v FROM t WHERE id = ${(i % 5) + 1}`)),
      );
      expect(read.map((rows) => rows[0]!.v)).toEqual(Array.from({ length: 50 }, (_, i) => `v${i % 5}`));
      expect(statementsPrepared() - before).toBe(1);
      const counting = statementsPrepared();
      for (let i = 0; i < 20; i++) expect(await db.all(sql`SELECT count(*) AS n FROM t WHERE id > ${i % 5}`)).toEqual([{ n: 5 - (i % 5) }]);
      expect(statementsPrepared() - counting).toBe(1);
    } finally {
      db.$client.close();
    }
  });

  it('answers right from kept statements after a schema change, a failed statement, a rolled-back batch and more statements than it keeps', async () => {
    const db = await createDb(`file:${dir.path}/kept-changes.db`);
    try {
      await db.run(sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)`);
      const failure = (reason: RegExp) => ({ cause: { message: expect.stringMatching(reason) } });
      const insert = (v: string) => db.run(sql`INSERT INTO t (v) VALUES (${v})`);
      const all = () => db.all<Record<string, unknown>>(sql`SELECT * FROM t ORDER BY id`);
      await insert('a');
      expect(await all()).toEqual([{ id: 1, v: 'a' }]);
      const named = () => db.all<Record<string, unknown>>(sql`SELECT id, v FROM t ORDER BY id`);
      expect(await named()).toEqual([{ id: 1, v: 'a' }]);
      await db.run(sql`ALTER TABLE t ADD COLUMN w TEXT`);
      expect(await all()).toEqual([{ id: 1, v: 'a', w: null }]);
      expect(await named()).toEqual([{ id: 1, v: 'a' }]);
      await db.run(sql`ALTER TABLE t RENAME COLUMN v TO x`);
      await expect(named()).rejects.toMatchObject(failure(/no such column/));
      await db.run(sql`ALTER TABLE t RENAME COLUMN x TO v`);

      await expect(insert('a')).rejects.toMatchObject(failure(/UNIQUE/));
      await insert('b');
      await expect(db.batch([db.run(sql`INSERT INTO t (v) VALUES ('c')`), db.run(sql`INSERT INTO t (v) VALUES ('a')`)])).rejects.toThrow(
        /UNIQUE/,
      );
      expect((await all()).map((r) => r.v)).toEqual(['a', 'b']);

      for (let i = 0; i < keptStatements + 100; i++) await db.all(sql.raw(`SELECT ${i} AS n FROM t WHERE id = 1`));
      expect((await all()).map((r) => r.v)).toEqual(['a', 'b']);
      expect(await db.all(sql.raw('SELECT 0 AS n FROM t WHERE id = 1'))).toEqual([{ n: 0 }]);
    } finally {
      db.$client.close();
    }
  });

  it('leaves PRAGMAs to be prepared each time, so a mode one call set does not stay for the next', async () => {
    const file = `${dir.path}/pragmas.db`;
    (await createDb(`file:${file}`)).$client.close();
    const Driver = createRequire(import.meta.url)('libsql');
    const driver = new Driver(file);
    try {
      driver.pragma('journal_mode', { simple: true });
      expect(driver.pragma('journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    } finally {
      driver.close();
    }
  });
});

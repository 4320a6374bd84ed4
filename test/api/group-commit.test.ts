import { createClient } from '@libsql/client';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../db/client';
import { takeGroupedCommits } from '../../db/group-commit';
import { tempDir } from '../helpers/temp';

/**
 * Writes that reach a file database in the same turn of the event loop share one transaction (decision 036): each
 * batch still gets its own results and its own error, runs in the order it was asked for, and is answered only once
 * the commit that holds it is on disk.
 */
const dir = tempDir('group-commit');
afterAll(() => dir.remove());

let db: Db;
let file: string;
let n = 0;
beforeEach(async () => {
  file = `${dir.path}/group-${n++}.db`;
  db = await createDb(`file:${file}`);
  await db.$client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, version INTEGER NOT NULL)');
  takeGroupedCommits();
});
afterEach(() => db.$client.close());

const insertReturning = (id: number, name: string) => ({
  sql: 'INSERT INTO t (id, name, version) VALUES (?, ?, 1) RETURNING id, name',
  args: [id, name],
});

describe('writes committed in groups', () => {
  it('commits many concurrent batches in few transactions, each answered with its own results', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.$client.batch([insertReturning(i, `n${i}`), { sql: 'SELECT count(*) AS c FROM t WHERE id <= ?', args: [i] }]),
      ),
    );
    answers.forEach(([inserted, counted], i) => {
      expect(inserted!.rows.map((r) => [r.id, r.name])).toEqual([[i, `n${i}`]]);
      // run in the order asked: batch i sees the rows of batches 0…i and no later one
      expect(Number(counted!.rows[0]!.c)).toBe(i + 1);
    });
    const grouped = takeGroupedCommits();
    expect(grouped.batches).toBe(30);
    expect(grouped.commits).toBeLessThan(30);
  });

  it('gives a failing batch its own error and commits the others in full, leaving nothing of the failed one', async () => {
    await db.$client.execute({ sql: 'INSERT INTO t (id, name, version) VALUES (100, ?, 1)', args: ['taken'] });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        db.$client.batch([
          insertReturning(i, `ok${i}`),
          // batch 4 breaks the UNIQUE name after its first statement already wrote
          insertReturning(50 + i, i === 4 ? 'taken' : `second${i}`),
        ]),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 10 }, (_, i) => (i === 4 ? 'rejected' : 'fulfilled')));
    expect(String((outcomes[4] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    const names = await db.$client.execute('SELECT name FROM t ORDER BY id');
    expect(names.rows.map((r) => r.name)).toEqual([
      ...[0, 1, 2, 3, 5, 6, 7, 8, 9].map((i) => `ok${i}`),
      ...[0, 1, 2, 3, 5, 6, 7, 8, 9].map((i) => `second${i}`),
      'taken',
    ]);
  });

  it('lets exactly one of two guarded changes of the same row win, as one after the other would', async () => {
    await db.$client.execute({ sql: 'INSERT INTO t (id, name, version) VALUES (1, ?, 1)', args: ['row'] });
    const change = (to: string) =>
      db.$client.batch([{ sql: 'UPDATE t SET name = ?, version = 2 WHERE id = 1 AND version = 1', args: [to] }]);
    const [first, second] = await Promise.all([change('first'), change('second')]);
    expect([first[0]!.rowsAffected, second[0]!.rowsAffected]).toEqual([1, 0]);
    expect((await db.$client.execute('SELECT name FROM t WHERE id = 1')).rows[0]!.name).toBe('first');
  });

  it('answers a single write statement too, and only once another connection can read it', async () => {
    const other = createClient({ url: `file:${file}` });
    try {
      const written = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          db.$client.execute({ sql: 'INSERT INTO t (id, name, version) VALUES (?, ?, 1)', args: [i, `alone${i}`] }),
        ),
      );
      expect(written.map((r) => r.rowsAffected)).toEqual([1, 1, 1, 1, 1]);
      expect(Number((await other.execute('SELECT count(*) AS c FROM t')).rows[0]!.c)).toBe(5);
      expect(takeGroupedCommits().batches).toBe(5);
    } finally {
      other.close();
    }
  });

  it('does not hold reads back behind waiting writes', async () => {
    await db.$client.execute({ sql: 'INSERT INTO t (id, name, version) VALUES (1, ?, 1)', args: ['there'] });
    const write = db.$client.execute({ sql: "UPDATE t SET name = 'changed' WHERE id = 1" });
    // asked after the write in the same turn, answered before the write's group commits
    const read = await db.$client.execute('SELECT name FROM t WHERE id = 1');
    expect(read.rows[0]!.name).toBe('there');
    await write;
    expect((await db.$client.execute('SELECT name FROM t WHERE id = 1')).rows[0]!.name).toBe('changed');
  });
});

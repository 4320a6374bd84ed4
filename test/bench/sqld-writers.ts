/**
 * `npx tsx test/bench/sqld-writers.ts [WRITERS] [RUNS]`: the experiment behind decision 013. WRITERS concurrent
 * clients (300) each write five times (a three-statement batch, a single-statement update, a read) to a fresh sqld,
 * once with SQLite's WAL behind sqld's write-lock queue and once with sqld's own WAL (`libsql-wal`), RUNS times
 * (3), in turn. A run that has not finished 45 s after it began is counted as wedged. No retries: the figures are
 * what sqld itself does with the burst. Not part of `npm test`.
 */
import { createClient } from '@libsql/client/web';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp';
import { sqldWal, startSqld } from '../../worker/sqld';

const writers = Number(process.argv[2] ?? 300);
const runs = Number(process.argv[3] ?? 3);
const payload = 'x'.repeat(2_000);

async function burst(args: readonly string[]) {
  const dir = tempDir('sqld-writers');
  const sqld = await startSqld({ dbPath: join(dir.path, 'db'), args, wal: [] });
  const setup = createClient({ url: sqld.url });
  await setup.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT, n INTEGER)');
  await setup.execute('CREATE TABLE h (id INTEGER PRIMARY KEY, t_id INTEGER, note TEXT)');
  let ok = 0;
  const errors = new Map<string, number>();
  const started = Date.now();
  const one = async (i: number) => {
    const client = createClient({ url: sqld.url, fetch: (r: Request) => fetch(r, { signal: AbortSignal.timeout(30_000) }) });
    for (let k = 0; k < 5; k++) {
      try {
        await client.batch(
          [
            { sql: 'INSERT INTO t (payload, n) VALUES (?, ?)', args: [payload, i] },
            { sql: 'INSERT INTO h (t_id, note) VALUES (last_insert_rowid(), ?)', args: [payload] },
            { sql: 'UPDATE t SET n = n + 1 WHERE id = ?', args: [i] },
          ],
          'write',
        );
        await client.execute({ sql: 'UPDATE t SET n = n + 1 WHERE id = (SELECT max(id) FROM t WHERE n = ?) RETURNING id', args: [i] });
        await client.execute({ sql: 'SELECT count(*) FROM h WHERE t_id = ?', args: [i] });
        ok++;
      } catch (error) {
        const key = String((error as { code?: unknown }).code ?? (error as Error).message).slice(0, 60);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  };
  const finished = Promise.all(Array.from({ length: writers }, (_, i) => one(i))).then(() => false);
  const wedged = await Promise.race([finished, new Promise<boolean>((r) => setTimeout(() => r(true), 45_000))]);
  const ms = Date.now() - started;
  await sqld.kill();
  dir.remove();
  return { ok, of: writers * 5, ms, wedged, errors: Object.fromEntries(errors) };
}

for (let run = 1; run <= runs; run++) {
  for (const [name, args] of [
    ['sqlite-wal', []],
    ['libsql-wal', sqldWal],
  ] as const) {
    console.log(JSON.stringify({ run, wal: name, ...(await burst(args)) }));
  }
}
process.exit(0);

import { type Client, type InStatement, LibsqlBatchError, type ResultSet, type TransactionMode } from '@libsql/client';

/** Most batches one shared transaction takes; a longer queue is committed in several. */
export const groupedBatchesMax = 64;

type BatchStatement = Parameters<Client['batch']>[0][number];
type Queued = {
  stmts: BatchStatement[];
  mode: TransactionMode;
  done: (results: ResultSet[]) => void;
  failed: (error: unknown) => void;
};

const sqlOf = (s: BatchStatement) => (typeof s === 'string' ? s : Array.isArray(s) ? String(s[0]) : s.sql);
/** The shared transaction never began: another process held the write lock for the whole busy timeout. */
const lockNeverTaken = (error: unknown) =>
  !(error instanceof LibsqlBatchError) && /^SQLITE_BUSY/.test(String((error as { code?: unknown })?.code ?? ''));
const writes = (s: BatchStatement) => /^\s*(insert|update|delete|replace)\b/i.test(sqlOf(s));

let grouped = { commits: 0, batches: 0 };

/**
 * The batches that write to a file database within two turns of the event loop are committed together: one
 * transaction, one `fsync`, instead of one each (decision 036). Each batch's statements run in the order the batches
 * were asked for, as they would have one after the other, so a guarded batch sees what the batches before it wrote;
 * its results are its own. If the shared transaction fails anywhere it is rolled back whole and every batch in it runs
 * again alone, so a batch's error (a constraint) is its own and never another's; only when the transaction could not
 * begin, because another process held the write lock for the whole busy timeout, does every batch of the group get
 * that error at once. A batch is answered only after the COMMIT that holds it. Reads, PRAGMAs and read-only batches go
 * straight to the database.
 */
export function commitInGroups(client: Client): void {
  const batch = client.batch.bind(client);
  const execute = client.execute.bind(client) as (stmt: InStatement) => Promise<ResultSet>;
  const queue: Queued[] = [];

  const runAlone = async (q: Queued) => {
    try {
      q.done(await batch(q.stmts, q.mode));
    } catch (error) {
      q.failed(error);
    }
  };

  const commitGroup = async (group: Queued[]) => {
    if (group.length === 1) return runAlone(group[0]!);
    let results: ResultSet[];
    try {
      const mode = group.some((q) => q.mode === 'write') ? 'write' : group[0]!.mode;
      results = await batch(
        group.flatMap((q) => q.stmts),
        mode,
      );
    } catch (error) {
      // Alone, each would wait the whole busy timeout again for the same lock.
      if (lockNeverTaken(error)) for (const q of group) q.failed(error);
      else for (const q of group) await runAlone(q);
      return;
    }
    grouped.commits++;
    grouped.batches += group.length;
    let at = 0;
    for (const q of group) {
      q.done(results.slice(at, at + q.stmts.length));
      at += q.stmts.length;
    }
  };

  const flush = async () => {
    while (queue.length > 0) await commitGroup(queue.splice(0, groupedBatchesMax));
  };

  // A request on a fresh connection is accepted in one turn of the event loop and read in a later one: waiting one turn
  // more lets the requests that arrived together reach their writes and join the group.
  const flushAfterNextTurn = () => setImmediate(() => setImmediate(flush));
  const enqueue = (stmts: BatchStatement[], mode: TransactionMode) =>
    new Promise<ResultSet[]>((done, failed) => {
      if (queue.length === 0) flushAfterNextTurn();
      queue.push({ stmts, mode, done, failed });
    });

  client.batch = (stmts, mode) => {
    if (mode === 'read' || !stmts.some(writes)) return batch(stmts, mode);
    return enqueue(stmts, mode ?? 'write');
  };
  client.execute = ((stmt: InStatement | string, args?: unknown) => {
    const statement = typeof stmt === 'string' ? (args === undefined ? stmt : { sql: stmt, args }) : stmt;
    if (!writes(statement as InStatement)) return execute(statement as InStatement);
    return enqueue([statement as InStatement], 'write').then(([result]) => result!);
  }) as Client['execute'];
}

/** Shared commits made since the last call, and the batches they held (for tests and benches). */
export function takeGroupedCommits(): { commits: number; batches: number } {
  const taken = grouped;
  grouped = { commits: 0, batches: 0 };
  return taken;
}

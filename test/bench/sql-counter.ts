import type { Client, InStatement } from '@libsql/client';

/** What the app asked of the database: statements read and written, and write transactions (each one a commit). */
export interface SqlCounts {
  reads: number;
  writes: number;
  /** Autocommitted write statements plus batches holding at least one write: each ends in one commit. */
  commits: number;
}

const sqlOf = (stmt: InStatement) => (typeof stmt === 'string' ? stmt : stmt.sql);
const isWrite = (sql: string) => /^\s*(insert|update|delete|replace)\b/i.test(sql);

/**
 * Counts the statements that pass through a libSQL client (the host's own, wrapped in place): measurement only, the
 * calls themselves are unchanged. `take()` answers the counts since the last `take()`.
 */
export function countStatements(client: Client) {
  let counts: SqlCounts = { reads: 0, writes: 0, commits: 0 };
  const execute = client.execute.bind(client) as (...args: unknown[]) => ReturnType<Client['execute']>;
  const batch = client.batch.bind(client);
  const note = (stmts: readonly InStatement[]) => {
    const writes = stmts.filter((s) => isWrite(sqlOf(s))).length;
    counts.writes += writes;
    counts.reads += stmts.length - writes;
    return writes;
  };
  (client as { execute: unknown }).execute = (stmt: InStatement, args?: unknown) => {
    if (note([stmt]) > 0) counts.commits++;
    return execute(stmt, args);
  };
  (client as { batch: unknown }).batch = (stmts: InStatement[], mode?: Parameters<Client['batch']>[1]) => {
    if (note(stmts) > 0) counts.commits++;
    return batch(stmts, mode);
  };
  return {
    take(): SqlCounts {
      const taken = counts;
      counts = { reads: 0, writes: 0, commits: 0 };
      return taken;
    },
  };
}

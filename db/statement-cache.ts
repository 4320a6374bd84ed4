import { createRequire } from 'node:module';
import type Database from 'libsql';

/** Statements kept per connection: drizzle writes the same few hundred again and again; `in (?, ?, …)` lists vary. */
export const keptStatements = 500;

type Statement = ReturnType<Database.Database['prepare']>;
type Prepare = (this: Database.Database, sql: string) => Statement;

const kept = new WeakMap<Database.Database, Map<string, Statement>>();
let installed = false;
/** A `*` standing for columns (`SELECT *`, `t.*`, `RETURNING *`), not inside `count(*)`. */
const selectsEveryColumn = /(^|[\s,.(])\*\s*(,|from\b|$)/i;
let prepared = 0;

/** What `@libsql/client` asks of a statement on every call, answered once for a kept statement: whether it returns rows
 * (it calls `raw()` and takes the error a statement without rows throws as the answer) and its column names. */
const returnsNoRows = new TypeError('The raw() method is only for statements that return data');
function settled(statement: Statement): Statement {
  if (!statement.reader) {
    statement.raw = () => {
      throw returnsNoRows;
    };
    return statement;
  }
  const columns = statement.columns();
  statement.columns = () => columns;
  return statement;
}

/**
 * The libSQL file driver that `@libsql/client` runs (its own copy of `libsql`, whatever else is installed) keeps each
 * connection's prepared statements, so that a statement run again is bound and stepped instead of parsed and planned
 * again: `@libsql/client` prepares every statement on every call (decision 035). The least recently used go first.
 * A kept statement is only ever used whole in one synchronous call (run, or all rows read), so reuse is safe; SQLite
 * prepares it again by itself if the schema changed, and statements naming no columns (`*`) and PRAGMAs are never kept.
 */
export function keepPreparedStatements(): void {
  if (installed) return;
  installed = true;
  const clientRequire = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
  const Driver = clientRequire('libsql') as { prototype: { prepare: Prepare } };
  const prepare = Driver.prototype.prepare;
  Driver.prototype.prepare = function keptPrepare(sql) {
    // The driver reads a statement's column names once: a `*` would keep the columns the table had when it was kept.
    // A PRAGMA is rare, and the driver's own `pragma()` leaves its statement in a mode (pluck) the next call would keep.
    if (selectsEveryColumn.test(sql) || /^\s*pragma\b/i.test(sql)) return prepare.call(this, sql);
    let statements = kept.get(this);
    if (!statements) {
      statements = new Map<string, Statement>();
      kept.set(this, statements);
    }
    const hit = statements.get(sql);
    if (hit) {
      statements.delete(sql);
      statements.set(sql, hit);
      return hit;
    }
    const statement = settled(prepare.call(this, sql));
    prepared++;
    statements.set(sql, statement);
    if (statements.size > keptStatements) statements.delete(statements.keys().next().value!);
    return statement;
  };
}

/** How many statements this process has had SQLite prepare since the cache was installed (for tests). */
export function statementsPrepared(): number {
  return prepared;
}

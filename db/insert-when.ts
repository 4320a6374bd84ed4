import { type Column, getTableColumns, getTableName, isSQLWrapper, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';
import { type BoundStatement, driverValue, type PreparedCondition, type PreparedStatement, preparedStatement } from './prepared';

/** Rows per statement of `insertManyWhen`: well under SQLite's 32,766 bound parameters for the widest table. */
const rowsPerInsert = 1000;

/** A row's value for `column` as bound: the column's default where the row gives none. */
function bound(column: Column, given: Record<string, unknown>, key: string) {
  return driverValue(column, key in given && given[key] !== undefined ? given[key] : (column.default ?? null));
}

/**
 * `INSERT INTO table SELECT <values> WHERE <condition>`: a row that is written only if the condition holds when the
 * statement runs. Inside one `db.batch` this keys follow-up rows to the outcome of an earlier conditional update,
 * so a request that lost a race writes nothing. The values are one SQL list, not a select builder of aliased fields,
 * which drizzle takes twice as long to build on every submission.
 *
 * @example db.batch([createStaff, auditStatement(db, entry), insertWhen(db, auditLog, row, rowExists(staff, eq(staff.id, id)))])
 */
export function insertWhen<T extends SQLiteTable>(db: Db, table: T, values: SQLiteInsertValue<T>, condition: SQL) {
  const given = values as Record<string, unknown>;
  const row = Object.entries(getTableColumns(table)).map(([key, column]) => sql`${bound(column, given, key)}`);
  return db.insert(table).select(sql`SELECT ${sql.join(row, sql`, `)} WHERE ${condition}`);
}

/**
 * `insertWhen` for many rows: `INSERT INTO table SELECT * FROM (VALUES …) WHERE <condition>`, a thousand rows per
 * statement, for a change that writes a row for every family at once (one statement per row costs a thousand times
 * the preparing). Returns the statements to put into the caller's batch; none for no rows.
 */
export function insertManyWhen<T extends SQLiteTable>(db: Db, table: T, rows: readonly SQLiteInsertValue<T>[], condition: SQL) {
  const columns = Object.entries(getTableColumns(table));
  const statements = [];
  for (let from = 0; from < rows.length; from += rowsPerInsert) {
    const tuples = rows.slice(from, from + rowsPerInsert).map((row) => {
      const given = row as Record<string, unknown>;
      return sql`(${sql.join(
        columns.map(([key, column]) => sql`${bound(column, given, key)}`),
        sql`, `,
      )})`;
    });
    statements.push(db.insert(table).select(sql`SELECT * FROM (VALUES ${sql.join(tuples, sql`, `)}) WHERE ${condition}`));
  }
  return statements;
}

/** What `preparedInsertWhen` does when the row's key is taken: nothing, or update the columns named with the row's values. */
export type OnConflict = { target: SQLiteColumn; update?: readonly string[] };

const preparedInserts = new Map<string, PreparedStatement<string, unknown>>();
const tableColumns = new WeakMap<SQLiteTable, [string, Column][]>();

/** A table's columns by key, listed once. */
function columnsOf(table: SQLiteTable): [string, Column][] {
  let columns = tableColumns.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table));
    tableColumns.set(table, columns);
  }
  return columns;
}

/** Most rows of one `preparedInsertWhen` (one statement, as `insertManyWhen` writes them). */
const preparedRowsMax = rowsPerInsert;

/**
 * `insertWhen` (a row) or `insertManyWhen` (rows that give the same columns, at most a thousand) built once per table,
 * columns given, number of rows, condition and conflict rule, with this call's values and the condition's bound
 * (`condition` is prepared, e.g. `commitChange`'s `wonPrepared`). A column the rows leave out gets its default as
 * `insertWhen` gives it; the values go through their columns' encoders here.
 *
 * @example followUps: (_won, won) => [preparedInsertWhen(applicationHistory, row, won)]
 */
export function preparedInsertWhen<T extends SQLiteTable>(
  table: T,
  values: SQLiteInsertValue<T> | readonly SQLiteInsertValue<T>[],
  condition: PreparedCondition,
  onConflict?: OnConflict,
): BoundStatement<unknown> {
  const rows = (Array.isArray(values) ? values : [values]) as readonly Record<string, unknown>[];
  if (rows.length === 0 || rows.length > preparedRowsMax) throw new Error(`preparedInsertWhen takes 1 to ${preparedRowsMax} rows`);
  if (rows.length > 1 && onConflict?.update) throw new Error('preparedInsertWhen updates on a conflict for one row only');
  const columns = columnsOf(table);
  const first = rows[0]!;
  let givenMark = '';
  for (const [key] of columns) givenMark += first[key] === undefined ? '0' : '1';
  const conflict = onConflict ? `${onConflict.target.name}:${onConflict.update?.join(',') ?? ''}` : '';
  const shape = `${getTableName(table)}|${givenMark}|${rows.length}|${condition.id}|${conflict}`;
  let prepared = preparedInserts.get(shape);
  if (!prepared) {
    const givenKeys = columns.filter(([key]) => first[key] !== undefined).map(([key]) => key);
    prepared = buildPreparedInsert(table, givenKeys, rows.length, condition, onConflict);
    preparedInserts.set(shape, prepared);
  }
  const args: Record<string, unknown> = { ...condition.values };
  for (const [i, row] of rows.entries()) {
    for (const [c, [key, column]] of columns.entries()) {
      const given = row[key] !== undefined;
      if (given !== (givenMark[c] === '1')) throw new Error(`preparedInsertWhen takes rows that give the same columns: ${key}`);
      if (!given) continue;
      if (isSQLWrapper(row[key])) throw new Error(`preparedInsertWhen takes values only: ${key} is SQL`);
      args[`row${i}.${key}`] = bound(column, row, key);
    }
  }
  return prepared.with(args);
}

function buildPreparedInsert(
  table: SQLiteTable,
  givenKeys: readonly string[],
  count: number,
  condition: PreparedCondition,
  onConflict?: OnConflict,
) {
  const given = new Set(givenKeys);
  const indexes = Array.from({ length: count }, (_, i) => i);
  const names = [...indexes.flatMap((i) => givenKeys.map((key) => `row${i}.${key}`)), ...Object.keys(condition.values)];
  return preparedStatement(names, (db, p) => {
    const rows = indexes.map((i) =>
      Object.fromEntries(Object.keys(getTableColumns(table)).map((key) => [key, given.has(key) ? p[`row${i}.${key}`] : undefined])),
    ) as SQLiteInsertValue<SQLiteTable>[];
    const insert = count === 1 ? insertWhen(db, table, rows[0]!, condition.sql) : insertManyWhen(db, table, rows, condition.sql)[0]!;
    if (!onConflict) return insert;
    if (!onConflict.update) return insert.onConflictDoNothing({ target: onConflict.target });
    // The row's values again, already encoded: bare placeholders, so that no encoder runs twice.
    const set = Object.fromEntries(onConflict.update.map((key) => [key, sql`${p[`row0.${key}`]}`]));
    return insert.onConflictDoUpdate({ target: onConflict.target, set });
  });
}

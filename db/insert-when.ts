import { type Column, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/** Rows per statement of `insertManyWhen`: well under SQLite's 32,766 bound parameters for the widest table. */
const rowsPerInsert = 1000;

/** A row's value for `column` as bound: the column's default where the row gives none. */
function bound(column: Column, given: Record<string, unknown>, key: string) {
  const value = key in given && given[key] !== undefined ? given[key] : (column.default ?? null);
  return value === null || (value instanceof Object && 'getSQL' in value) ? value : column.mapToDriverValue(value);
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

import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/**
 * `INSERT INTO table SELECT <values> WHERE <condition>`: a row that is written only if the condition holds when the
 * statement runs. Inside one `db.batch` this keys follow-up rows to the outcome of an earlier conditional update,
 * so a request that lost a race writes nothing.
 *
 * @example db.batch([createStaff, auditStatement(db, entry), insertWhen(db, auditLog, row, rowExists(staff, eq(staff.id, id)))])
 */
export function insertWhen<T extends SQLiteTable>(db: Db, table: T, values: T['$inferInsert'], condition: SQL) {
  const given = values as Record<string, unknown>;
  const fields = Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => {
      const value = key in given && given[key] !== undefined ? given[key] : (column.default ?? null);
      const driverValue = value === null || (value instanceof Object && 'getSQL' in value) ? value : column.mapToDriverValue(value);
      return [key, sql`${driverValue}`.as(column.name)];
    }),
  );
  return db.insert(table).select(db.select(fields).from(sql`(SELECT 1)`).where(condition) as never);
}

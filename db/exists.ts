import { and, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * True while a row of `table` meets every condition: for a statement's WHERE, a column of a select, or the follow-up
 * rows of a batch (`insertWhen`). The one place the platform writes `EXISTS`.
 *
 * @example db.delete(documents).where(and(eq(documents.id, id), rowExists(applications, eq(applications.id, applicationId))))
 */
export function rowExists(table: SQLiteTable, ...conditions: (SQL | undefined)[]): SQL<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${table} WHERE ${and(...conditions) ?? sql`1`})`;
}

/** True while no row of `table` meets every condition. */
export function noRowExists(table: SQLiteTable, ...conditions: (SQL | undefined)[]): SQL<boolean> {
  return sql<boolean>`NOT ${rowExists(table, ...conditions)}`;
}

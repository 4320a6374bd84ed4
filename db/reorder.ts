import { and, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/** A table whose rows an administrator puts in order: each row has an id, an optimistic version and a sort key. */
type Orderable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn; sort: SQLiteColumn; updatedAt: SQLiteColumn };

/**
 * A reorder of the rows in `scope`, as one UPDATE that gives each row its new `sort` and moves its version on, only
 * while every row is still at the version the administrator saw (`allStillAt`, also the condition of the change's
 * audit entry in the same batch): of two reorders of the same list, the second changes nothing.
 */
export function reorderRows(
  db: Db,
  table: Orderable,
  scope: SQL,
  order: { guard: readonly { id: string; version: number }[]; sort: readonly { id: string; sort: number }[] },
  now: Date,
) {
  const seen = sql.join(
    order.guard.map((g) => sql`(${table.id} = ${g.id} AND ${table.version} = ${g.version})`),
    sql` OR `,
  );
  const allStillAt = sql`(SELECT count(*) FROM ${table} WHERE ${seen}) = ${order.guard.length}`;
  const sortOf = sql.join(
    order.sort.map((s) => sql`WHEN ${s.id} THEN ${s.sort}`),
    sql` `,
  );
  const update = db
    .update(table)
    .set({ sort: sql`CASE ${table.id} ${sortOf} END`, version: sql`${table.version} + 1`, updatedAt: now } as never)
    .where(and(scope, allStillAt))
    .returning({ id: table.id, version: table.version });
  return { allStillAt, update };
}

import { and, eq, getTableColumns, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { newId } from '../src/domain/ids';
import type { RandomSource } from '../src/domain/random';
import type { Db } from './client';
import { rowExists } from './exists';

/** One column's condition as data: a value (`=`), `null` (`IS NULL`), `{ in: [...] }` or `{ below: n }` (`<`). */
export type ColumnGuard = string | number | boolean | Date | null | { in: readonly (string | number)[] } | { below: number };

/** The conditions the row must still meet when the change is written, by column; an `undefined` entry is no condition. */
export type Guard<T extends SQLiteTable> = { [K in keyof T['_']['columns']]?: ColumnGuard | undefined };

/** Where the change's nonce is written: a column of its own, or a path inside a JSON column (a table without one). */
export type NonceCarrier = SQLiteColumn | { json: SQLiteColumn; path: string };

type Returning = Record<string, SQLiteColumn | SQL>;
type FollowUps = readonly BatchItem<'sqlite'>[];

export interface GuardedChange<T extends SQLiteTable, R extends Returning, F extends FollowUps> {
  table: T;
  /** The row that changes: its key column and value. */
  key: { column: SQLiteColumn; value: string };
  guard: Guard<T>;
  /** Conditions that data cannot say (the rows of other tables, built with `rowExists`). */
  also?: readonly (SQL | undefined)[];
  set: SQLiteUpdateSetSource<T>;
  nonce: NonceCarrier;
  /** What the caller reads back from the changed row (the new version…). */
  returning?: R;
  /**
   * The statements of the same batch after the update; `won` is true inside the batch only where the update was this
   * change's (its nonce is on the row), so history, messages, SMS and audit entries of a lost change are not written.
   */
  followUps?: (won: SQL<boolean>) => F;
}

export type Committed<R extends Returning, F extends FollowUps> =
  | { won: true; row: SelectResultFields<R>; results: BatchResponse<F> }
  | { won: false; results: BatchResponse<F> };

function columnKey(table: SQLiteTable, column: SQLiteColumn): string {
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!found) throw new Error(`column ${column.name} is not a column of the changed table`);
  return found[0];
}

function condition(column: SQLiteColumn, guard: ColumnGuard): SQL {
  if (guard === null) return isNull(column);
  if (typeof guard === 'object' && 'in' in guard) return inArray(column, [...guard.in]);
  if (typeof guard === 'object' && 'below' in guard) return lt(column, guard.below);
  return eq(column, guard);
}

/** The row guard as the conditions of the update. */
export function guardConditions<T extends SQLiteTable>(table: T, guard: Guard<T>): SQL[] {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  return Object.entries(guard as Record<string, ColumnGuard | undefined>)
    .filter((entry): entry is [string, ColumnGuard] => entry[1] !== undefined)
    .map(([key, value]) => {
      const column = columns[key];
      if (!column) throw new Error(`${key} is not a column of the guarded table`);
      return condition(column, value);
    });
}

/**
 * The one guarded change: a conditional UPDATE of one row (its key, the guard, the extra conditions) that writes a
 * fresh nonce, followed in the same `db.batch` by the caller's statements, which are keyed to `won`. Of two requests
 * racing for the row, the update of one matches and the other's matches nothing, so only the winner's follow-up rows
 * are written. The nonce, not the version, tells them apart: a change that lost may read the very version another
 * change wrote. Returns `won` with the row's `returning` columns, or not won, and the follow-ups' results.
 *
 * @example
 * const done = await commitChange(db, random, {
 *   table: applications, key: { column: applications.id, value: id }, guard: { version: 4, status: 'submitted' },
 *   set: { status: 'withdrawn' }, nonce: applications.changeNonce, returning: { version: applications.version },
 *   followUps: (won) => [insertWhen(db, applicationHistory, row, won)] as const,
 * });
 * if (!done.won) throw new DomainError('APPLICATION_CHANGED', '…');
 */
export async function commitChange<T extends SQLiteTable, R extends Returning = Record<never, never>, F extends FollowUps = []>(
  db: Db,
  random: RandomSource,
  change: GuardedChange<T, R, F>,
): Promise<Committed<R, F>> {
  const { table, key } = change;
  const nonce = newId(random);
  const carrier = change.nonce;
  const marked =
    'json' in carrier
      ? { [columnKey(table, carrier.json)]: sql`json_set(${carrier.json}, ${carrier.path}, ${nonce})` }
      : { [columnKey(table, carrier)]: nonce };
  const holdsNonce = 'json' in carrier ? sql`json_extract(${carrier.json}, ${carrier.path}) = ${nonce}` : eq(carrier, nonce);
  const won = rowExists(table, eq(key.column, key.value), holdsNonce);
  const update = db
    .update(table as SQLiteTable)
    .set({ ...change.set, ...marked } as never)
    .where(and(eq(key.column, key.value), ...guardConditions(table, change.guard), ...(change.also ?? [])))
    .returning({ ...(change.returning ?? {}), changedKey: key.column } as never);
  const followUps = change.followUps?.(won) ?? ([] as unknown as F);
  const [rows, ...results] = (await db.batch([update, ...followUps] as unknown as [BatchItem<'sqlite'>])) as unknown as [
    unknown[],
    ...unknown[],
  ];
  const row = rows[0] as (SelectResultFields<R> & { changedKey?: string }) | undefined;
  if (!row) return { won: false, results: results as BatchResponse<F> };
  delete row.changedKey;
  return { won: true, row, results: results as BatchResponse<F> };
}

import { and, Column, eq, getTableColumns, getTableName, inArray, is, isNull, isSQLWrapper, lt, type SQL, sql } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { newId } from '../src/domain/ids';
import type { RandomSource } from '../src/domain/random';
import type { Db } from './client';
import { rowExists } from './exists';
import {
  type BatchResults,
  type BatchStatement,
  type BoundStatement,
  driverValue,
  type PreparedCondition,
  type PreparedStatement,
  preparedStatement,
  sendBatch,
} from './prepared';

/** One column's condition as data: a value (`=`), `null` (`IS NULL`), `{ in: [...] }` or `{ below: n }` (`<`). */
export type ColumnGuard = string | number | boolean | Date | null | { in: readonly (string | number)[] } | { below: number };

/** The conditions the row must still meet when the change is written, by column; an `undefined` entry is no condition. */
export type Guard<T extends SQLiteTable> = { [K in keyof T['_']['columns']]?: ColumnGuard | undefined };

/** Where the change's nonce is written: a column of its own, or a path inside a JSON column (a table without one). */
export type NonceCarrier = SQLiteColumn | { json: SQLiteColumn; path: string };

type Returning = Record<string, SQLiteColumn | SQL>;
type FollowUps = readonly BatchStatement[];

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
   * `wonPrepared` is the same condition for prepared statements (`preparedInsertWhen`).
   */
  followUps?: (won: SQL<boolean>, wonPrepared: PreparedCondition) => F;
}

export type Committed<R extends Returning, F extends FollowUps> =
  | { won: true; row: SelectResultFields<R>; results: BatchResults<F> }
  | { won: false; results: BatchResults<F> };

const columnKeys = new WeakMap<SQLiteColumn, string>();

function columnKey(table: SQLiteTable, column: SQLiteColumn): string {
  const known = columnKeys.get(column);
  if (known !== undefined) return known;
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!found) throw new Error(`column ${column.name} is not a column of the changed table`);
  columnKeys.set(column, found[0]);
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
  const nonce = newId(random);
  const won = wonCondition(change, nonce);
  const update = preparedUpdate(change, nonce) ?? builtUpdate(db, change, nonce);
  const followUps = change.followUps?.(won.sql, won.prepared) ?? ([] as unknown as F);
  const [rows, ...results] = (await sendBatch(db, [update, ...followUps])) as unknown as [unknown[], ...unknown[]];
  const row = rows[0] as (SelectResultFields<R> & { changedKey?: string }) | undefined;
  if (!row) return { won: false, results: results as BatchResults<F> };
  delete row.changedKey;
  return { won: true, row, results: results as BatchResults<F> };
}

/** Where the nonce goes, as a name: the column, or the column and the path inside it. */
const nonceId = (carrier: NonceCarrier) => ('json' in carrier ? `${carrier.json.name}$${carrier.path}` : carrier.name);

/** The condition that the row holds `nonce` (a value, or a placeholder). */
const holdsNonce = (carrier: NonceCarrier, nonce: unknown): SQL =>
  'json' in carrier ? sql`json_extract(${carrier.json}, ${carrier.path}) = ${nonce}` : eq(carrier, nonce);

const wonTemplates = new Map<string, SQL<boolean>>();

/** "This change won", for the follow-ups: as SQL with this change's values, and prepared with its values apart. */
function wonCondition(change: GuardedChange<SQLiteTable, Returning, FollowUps>, nonce: string) {
  const { table, key } = change;
  const id = `${getTableName(table)}.${key.column.name}.${nonceId(change.nonce)}`;
  let template = wonTemplates.get(id);
  if (!template) {
    template = rowExists(table, eq(key.column, sql.placeholder('won.key')), holdsNonce(change.nonce, sql.placeholder('won.nonce')));
    wonTemplates.set(id, template);
  }
  const prepared: PreparedCondition = { id, sql: template, values: { 'won.key': key.value, 'won.nonce': nonce } };
  return { sql: rowExists(table, eq(key.column, key.value), holdsNonce(change.nonce, nonce)), prepared };
}

/** The guarded update as drizzle builds it on every call: any change (SQL in `set`, `also`, a nonce inside JSON). */
function builtUpdate(db: Db, change: GuardedChange<SQLiteTable, Returning, FollowUps>, nonce: string): BatchStatement {
  const { table, key } = change;
  const carrier = change.nonce;
  const marked =
    'json' in carrier
      ? { [columnKey(table, carrier.json)]: sql`json_set(${carrier.json}, ${carrier.path}, ${nonce})` }
      : { [columnKey(table, carrier)]: nonce };
  return db
    .update(table)
    .set({ ...change.set, ...marked } as never)
    .where(and(eq(key.column, key.value), ...guardConditions(table, change.guard), ...(change.also ?? [])))
    .returning({ ...(change.returning ?? {}), changedKey: key.column } as never);
}

/** The prepared updates, one per shape of change: table, key, columns set, guard, nonce column and what it returns. */
const preparedUpdates = new Map<string, PreparedStatement<string, unknown>>();

/** A guard entry's kind, as the prepared update's SQL depends on it. */
function guardKind(guard: ColumnGuard): string {
  if (guard === null) return 'null';
  if (typeof guard === 'object' && 'in' in guard) return `in${guard.in.length}`;
  if (typeof guard === 'object' && 'below' in guard) return 'below';
  return 'eq';
}

/**
 * The guarded update built once per shape, with this change's values bound: for a change whose `set` holds values
 * only, with no `also` and the nonce in a column of its own (every state change of an application). Other changes
 * get `undefined` and are built on every call (`builtUpdate`). The values go through their columns' encoders as drizzle
 * would bind them.
 */
function preparedUpdate(change: GuardedChange<SQLiteTable, Returning, FollowUps>, nonce: string): BoundStatement<unknown> | undefined {
  const { table, key } = change;
  const carrier = change.nonce;
  if ('json' in carrier || change.also?.some((c) => c !== undefined)) return undefined;
  const set = Object.entries(change.set as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (set.some(([, v]) => isSQLWrapper(v))) return undefined;
  const returning = Object.entries(change.returning ?? {});
  if (!returning.every(([, c]) => is(c, Column))) return undefined;
  const guard = Object.entries(change.guard as Record<string, ColumnGuard | undefined>).filter(
    (entry): entry is [string, ColumnGuard] => entry[1] !== undefined,
  );
  const nonceKey = columnKey(table, carrier);
  const shape = [
    getTableName(table),
    key.column.name,
    set.map(([k]) => k).join(','),
    guard.map(([k, g]) => `${k}:${guardKind(g)}`).join(','),
    nonceKey,
    returning.map(([k]) => k).join(','),
  ].join('|');
  let prepared = preparedUpdates.get(shape);
  if (!prepared) {
    prepared = buildPreparedUpdate(change, set, guard, nonceKey, returning);
    preparedUpdates.set(shape, prepared);
  }
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const encoded = (k: string, v: unknown) => driverValue(columns[k]!, v);
  const values: Record<string, unknown> = { key: key.value, nonce };
  for (const [k, v] of set) values[`set.${k}`] = encoded(k, v);
  for (const [k, g] of guard) {
    if (g === null) continue;
    if (typeof g === 'object' && 'in' in g) {
      for (const [i, v] of g.in.entries()) values[`guard.${k}.${i}`] = encoded(k, v);
    } else values[`guard.${k}`] = encoded(k, typeof g === 'object' && 'below' in g ? g.below : g);
  }
  return prepared.with(values);
}

function buildPreparedUpdate(
  change: GuardedChange<SQLiteTable, Returning, FollowUps>,
  set: [string, unknown][],
  guard: [string, ColumnGuard][],
  nonceKey: string,
  returning: [string, SQLiteColumn | SQL][],
): PreparedStatement<string, unknown> {
  const { table, key } = change;
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const names = [
    'key',
    'nonce',
    ...set.map(([k]) => `set.${k}`),
    ...guard.flatMap(([k, g]) =>
      g === null ? [] : typeof g === 'object' && 'in' in g ? g.in.map((_, i) => `guard.${k}.${i}`) : [`guard.${k}`],
    ),
  ];
  // Bare placeholders, also in `set` (where drizzle would bind a placeholder through its column's encoder, null
  // included): the values come encoded.
  const bound = (name: string) => sql`${sql.placeholder(name)}`;
  return preparedStatement(names, (db, p) =>
    db
      .update(table)
      .set({ ...Object.fromEntries(set.map(([k]) => [k, bound(`set.${k}`)])), [nonceKey]: bound('nonce') } as never)
      .where(
        and(
          eq(key.column, p.key),
          ...guard.map(([k, g]) => {
            const column = columns[k]!;
            if (g === null) return isNull(column);
            if (typeof g === 'object' && 'in' in g)
              return inArray(
                column,
                g.in.map((_, i) => bound(`guard.${k}.${i}`)),
              );
            if (typeof g === 'object' && 'below' in g) return lt(column, bound(`guard.${k}`));
            return eq(column, bound(`guard.${k}`));
          }),
        ),
      )
      .returning({ ...Object.fromEntries(returning), changedKey: key.column } as never),
  );
}

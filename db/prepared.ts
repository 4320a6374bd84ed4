import type { InArgs, ResultSet } from '@libsql/client';
import { type Column, DrizzleQueryError, fillPlaceholders, isSQLWrapper, type Placeholder, type Query, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from './client';

/** What a query builder's `.prepare()` gives that a statement needs: its SQL with placeholders and its result mapping. */
interface Preparable {
  prepare(): {
    getQuery(): Query;
    mapResult(response: unknown, isFromBatch?: boolean): unknown;
    execute(values?: Record<string, unknown>): Promise<unknown>;
  };
}

type ResultOf<B extends Preparable> = ReturnType<ReturnType<B['prepare']>['execute']> extends Promise<infer R> ? R : never;

/** A prepared statement with its values: one statement of `sendBatch`. */
export interface BoundStatement<Result> {
  statement(db: Db): { sql: string; args: InArgs };
  map(result: ResultSet): Result;
}

/** A statement drizzle builds once; each call only binds its values. */
export interface PreparedStatement<Name extends string, Result> {
  /** Runs the statement alone. */
  run(db: Db, values: Record<Name, unknown>): Promise<Result>;
  /** The statement with these values, for `sendBatch`. */
  with(values: Record<Name, unknown>): BoundStatement<Result>;
}

/**
 * A hot statement whose SQL text and result mapping drizzle builds once per process (or Worker isolate) instead of on
 * every call: `build` gets a placeholder for each of `names`, and each call binds its values, given as the driver takes
 * them (a bare placeholder's value does not pass through its column's encoder; one wrapped as `sql.param(placeholder,
 * column)` does). The SQL depends only on the dialect, so the statement built with the first `Db` runs on any other
 * (the Worker opens one per request): it goes to that `Db`'s libSQL client as drizzle sends it, and a failure alone
 * is reported as drizzle reports it.
 *
 * @example
 * const schoolById = preparedStatement(['id'], (db, p) => db.select().from(schools).where(eq(schools.id, p.id)));
 * const [school] = await schoolById.run(db, { id });
 */
export function preparedStatement<const Name extends string, B extends Preparable>(
  names: readonly Name[],
  build: (db: Db, placeholders: Record<Name, Placeholder<Name>>) => B,
): PreparedStatement<Name, ResultOf<B>> {
  let built: ReturnType<B['prepare']> | undefined;
  const placeholders = Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as Record<Name, Placeholder<Name>>;
  const prepared = (db: Db) => {
    built ??= build(db, placeholders).prepare() as ReturnType<B['prepare']>;
    return built;
  };
  const bound = (values: Record<Name, unknown>): BoundStatement<ResultOf<B>> => ({
    statement(db) {
      const { sql, params } = prepared(db).getQuery();
      return { sql, args: fillPlaceholders(params, values) as InArgs };
    },
    map: (result) => built!.mapResult(result, true) as ResultOf<B>,
  });
  return {
    async run(db, values) {
      const read = bound(values);
      const statement = read.statement(db);
      let result: ResultSet;
      try {
        result = await db.$client.execute(statement);
      } catch (error) {
        throw new DrizzleQueryError(statement.sql, statement.args as unknown[], error as Error);
      }
      return read.map(result);
    },
    with: bound,
  };
}

/**
 * A condition of prepared statements (e.g. "the guarded change won"): its SQL with placeholders, the same on every
 * call and told apart by `id`, and this call's values for them.
 */
export interface PreparedCondition {
  id: string;
  sql: SQL<boolean>;
  values: Record<string, unknown>;
}

/** `value` as drizzle binds it for `column`: through the column's encoder, except null and SQL, which stay as they are. */
export const driverValue = (column: Column, value: unknown) =>
  value === null || isSQLWrapper(value) ? value : column.mapToDriverValue(value);

/** The condition that always holds, for a prepared statement that takes one. */
export const always: PreparedCondition = { id: 'always', sql: sql<boolean>`1`, values: {} };

/** A statement of `sendBatch`: one drizzle builds now (a query builder), or a prepared one with its values. */
export type BatchStatement = BatchItem<'sqlite'> | BoundStatement<unknown>;

export type BatchResults<T extends readonly BatchStatement[]> = {
  -readonly [K in keyof T]: T[K] extends BoundStatement<infer R> ? R : T[K] extends BatchItem<'sqlite'> ? T[K]['_']['result'] : never;
};

const isBound = (s: BatchStatement): s is BoundStatement<unknown> => 'statement' in s && 'map' in s;

/**
 * Statements in one round trip and one transaction, as drizzle's `db.batch` sends them, where some are prepared: each
 * query builder is prepared here (its public `.prepare()`, as `db.batch` does inside), each bound statement only
 * gives its SQL and values. Results come back mapped as `db.batch` maps them. A batch of reads is one snapshot (and
 * drizzle's `db.batch` would build each prepared read again).
 */
export async function sendBatch<const T extends readonly BatchStatement[]>(db: Db, statements: T): Promise<BatchResults<T>> {
  const mapped = statements.map((s) => {
    if (isBound(s)) return s;
    if (!('prepare' in s)) throw new Error('sendBatch takes query builders and prepared statements only');
    const prepared = (s as unknown as Preparable).prepare();
    const { sql, params } = prepared.getQuery();
    return { statement: () => ({ sql, args: params as InArgs }), map: (r: ResultSet) => prepared.mapResult(r, true) };
  });
  const results = await db.$client.batch(mapped.map((s) => s.statement(db)));
  return mapped.map((s, i) => s.map(results[i]!)) as BatchResults<T>;
}

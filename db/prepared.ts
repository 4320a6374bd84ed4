import type { InArgs, ResultSet } from '@libsql/client';
import { DrizzleQueryError, fillPlaceholders, type Placeholder, type Query, sql } from 'drizzle-orm';
import type { Db } from './client';

/** What a query builder's `.prepare()` gives that a read needs: its SQL with placeholders and its row mapping. */
interface Preparable {
  prepare(): {
    getQuery(): Query;
    mapResult(response: unknown, isFromBatch?: boolean): unknown;
    execute(values?: Record<string, unknown>): Promise<unknown>;
  };
}

type ResultOf<B extends Preparable> = ReturnType<ReturnType<B['prepare']>['execute']> extends Promise<infer R> ? R : never;

/** A prepared read with its values: one statement of `readBatch`. */
export interface BoundRead<Result> {
  statement(db: Db): { sql: string; args: InArgs };
  map(result: ResultSet): Result;
}

/** A read drizzle builds once; each call only binds its values. */
export interface PreparedRead<Name extends string, Result> {
  /** Runs the read alone. */
  run(db: Db, values: Record<Name, unknown>): Promise<Result>;
  /** The read with these values, for `readBatch`. */
  with(values: Record<Name, unknown>): BoundRead<Result>;
}

/**
 * A hot read whose SQL text and row mapping drizzle builds once per process (or Worker isolate) instead of on every
 * call: `build` gets a placeholder for each of `names`, and each call binds its values, given as the driver takes
 * them (a placeholder's value does not pass through its column's encoder). The SQL depends only on the dialect, so
 * the read built with the first `Db` runs on any other (the Worker opens one per request): it goes to that `Db`'s
 * libSQL client as drizzle sends it, and a failure alone is reported as drizzle reports it.
 *
 * @example
 * const schoolById = preparedRead(['id'], (db, p) => db.select().from(schools).where(eq(schools.id, p.id)));
 * const [school] = await schoolById.run(db, { id });
 */
export function preparedRead<const Name extends string, B extends Preparable>(
  names: readonly Name[],
  build: (db: Db, placeholders: Record<Name, Placeholder<Name>>) => B,
): PreparedRead<Name, ResultOf<B>> {
  let built: ReturnType<B['prepare']> | undefined;
  const placeholders = Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as Record<Name, Placeholder<Name>>;
  const prepared = (db: Db) => {
    built ??= build(db, placeholders).prepare() as ReturnType<B['prepare']>;
    return built;
  };
  const bound = (values: Record<Name, unknown>): BoundRead<ResultOf<B>> => ({
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

type Results<T extends readonly BoundRead<unknown>[]> = { -readonly [K in keyof T]: T[K] extends BoundRead<infer R> ? R : never };

/**
 * Prepared reads in one round trip and one snapshot: a batch of reads is one transaction, as `db.batch` sends it
 * (drizzle's `db.batch` would build each query again).
 */
export async function readBatch<const T extends readonly BoundRead<unknown>[]>(db: Db, reads: T): Promise<Results<T>> {
  const results = await db.$client.batch(reads.map((r) => r.statement(db)));
  return reads.map((r, i) => r.map(results[i]!)) as Results<T>;
}

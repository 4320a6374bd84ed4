import { type SQL, sql } from 'drizzle-orm';
import { applications, childNameGrams, children } from '../../../db/schema';

/** `%` and `_` are LIKE's wildcards, and a lone surrogate has no UTF-8 form: such a query keeps the plain LIKE. */
const needsPlainLike = (q: string) => /[%_]|[\uD800-\uDFFF]/u.test(q);

/** The distinct 2-character slices of a query, as `child_name_grams` holds them for names. */
function slicesOf(chars: string[]) {
  return [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
}

/**
 * The applications whose child's name contains `q` — exactly the rows `children.name LIKE '%q%'` finds (ASCII letters
 * in either case) — found through `child_name_grams` (decision 025). The slices are lower-cased by the same `lower()`
 * the triggers use, which on these builds folds ASCII only, as LIKE does: so one or two characters are matched by the
 * index alone, and a longer query is checked by LIKE on the few children that hold all its slices.
 */
export function childNameContains(q: string): SQL {
  const chars = Array.from(q);
  const pattern = `%${q}%`;
  if (needsPlainLike(q)) {
    return sql`${applications.childId} IN (SELECT ${children.id} FROM ${children} WHERE ${children.name} LIKE ${pattern})`;
  }
  if (chars.length === 1) {
    return sql`${applications.childId} IN (SELECT ${childNameGrams.childId} FROM ${childNameGrams} WHERE ${childNameGrams.gram} BETWEEN lower(${q}) AND lower(${q}) || char(1114111))`;
  }
  const holding = slicesOf(chars).map(
    (slice) => sql`(SELECT ${childNameGrams.childId} FROM ${childNameGrams} WHERE ${childNameGrams.gram} = lower(${slice}))`,
  );
  if (chars.length === 2) return sql`${applications.childId} IN ${holding[0]}`;
  const inAll = sql.join(
    holding.map((ids) => sql`${children.id} IN ${ids}`),
    sql` AND `,
  );
  return sql`${applications.childId} IN (SELECT ${children.id} FROM ${children} WHERE ${inAll} AND ${children.name} LIKE ${pattern})`;
}

import { and, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applications } from '../../../db/schema';
import type { SchoolUse } from '../../domain/school-rules';

const siblingSchool = sql`json_extract(${applications.sibling}, '$.schoolId')`;

/** The applications of a season that name a school: as first or second choice, or as a sibling's school. */
export function namesSchool(seasonId: string, schoolId: string): SQL {
  return and(
    eq(applications.seasonId, seasonId),
    or(eq(applications.firstSchoolId, schoolId), eq(applications.secondSchoolId, schoolId), sql`${siblingSchool} = ${schoolId}`),
  )!;
}

/** How many applications of the season (drafts included) name each school, by school id. */
export async function schoolUses(db: Db, seasonId: string): Promise<Map<string, SchoolUse & { applications: number }>> {
  const rows = await db
    .select({ first: applications.firstSchoolId, second: applications.secondSchoolId, sibling: sql<string | null>`${siblingSchool}` })
    .from(applications)
    .where(eq(applications.seasonId, seasonId));
  const uses = new Map<string, SchoolUse & { applications: number }>();
  const at = (id: string) => uses.get(id) ?? uses.set(id, { choices: 0, siblings: 0, applications: 0 }).get(id)!;
  for (const r of rows) {
    const chosen = new Set([r.first, r.second].filter((id): id is string => Boolean(id)));
    for (const id of chosen) at(id).choices++;
    if (r.sibling) at(r.sibling).siblings++;
    for (const id of new Set([...chosen, ...(r.sibling ? [r.sibling] : [])])) at(id).applications++;
  }
  return uses;
}

/** The communities of the season's submitted (not draft) applications that chose a school, by school id. */
export async function chosenFrom(db: Db, seasonId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectDistinct({ first: applications.firstSchoolId, second: applications.secondSchoolId, community: applications.community })
    .from(applications)
    .where(and(eq(applications.seasonId, seasonId), ne(applications.status, 'draft')));
  const by = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.community) continue;
    for (const id of [r.first, r.second]) if (id) by.set(id, [...(by.get(id) ?? []), r.community]);
  }
  return by;
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communities, schoolPlaces, schools, seasonCatchments, seasonSchools } from '../../../db/schema';

/** The schools offering places in one entry and grade of a season, each with its seats (计划学位) there. */
export function placeOffers(db: Db, at: { seasonId: string; entryId: string; grade: number }) {
  return db
    .select({
      offerId: seasonSchools.id,
      schoolId: schools.id,
      code: schools.code,
      name: schools.name,
      seats: schoolPlaces.places,
      demandNotice: seasonSchools.demandNotice,
      version: seasonSchools.version,
    })
    .from(schoolPlaces)
    .innerJoin(seasonSchools, eq(seasonSchools.id, schoolPlaces.seasonSchoolId))
    .innerJoin(schools, eq(schools.id, seasonSchools.schoolId))
    .where(and(eq(seasonSchools.seasonId, at.seasonId), eq(schoolPlaces.entryId, at.entryId), eq(schoolPlaces.grade, at.grade)));
}

/** The communities those offers serve (their catchments in the season), by offer. */
export async function offerCatchments(db: Db, offerIds: readonly string[]) {
  if (offerIds.length === 0) return [];
  return db
    .select({ offerId: seasonCatchments.seasonSchoolId, community: communities.name })
    .from(seasonCatchments)
    .innerJoin(communities, eq(communities.id, seasonCatchments.communityId))
    .where(inArray(seasonCatchments.seasonSchoolId, [...offerIds]));
}

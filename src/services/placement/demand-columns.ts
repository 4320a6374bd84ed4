import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { regions, seasons } from '../../../db/schema';
import { demandColumnsFor } from '../../domain/placement/seat-demand';
import { placeColumns } from '../../domain/school-import';
import { seasonCatalog } from '../admin/seasons';
import type { SignedInStaff } from '../staff/sessions';

/**
 * What a member may pick on 学位预警: the published seasons, newest first, each with its entry-and-grade columns. A
 * school reviewer gets only the seasons and columns where their own school offers places.
 */
export async function demandColumns(db: Db, member: SignedInStaff) {
  const own = member.role === 'school_reviewer' ? member.schoolId : null;
  if (member.role === 'school_reviewer' && !own) return { seasons: [] };
  const published = await db
    .select({ id: seasons.id, name: seasons.name, region: regions.name })
    .from(seasons)
    .innerJoin(regions, eq(regions.id, seasons.regionId))
    .where(eq(seasons.status, 'published'))
    .orderBy(desc(seasons.year), desc(seasons.publishedAt));
  const withColumns = await Promise.all(
    published.map(async (season) => {
      const catalog = await seasonCatalog(db, season.id);
      const offer = own ? catalog.schools.find((s) => s.school.id === own) : undefined;
      const ownPlaces = own ? catalog.places.filter((p) => p.seasonSchoolId === offer?.offer.id) : null;
      const columns = demandColumnsFor(placeColumns(catalog.entries, catalog.tracks), ownPlaces);
      return { ...season, columns: columns.map((c) => ({ entryId: c.entryId, grade: c.grade, label: c.label.replace(/学位$/, '') })) };
    }),
  );
  return { seasons: withColumns.filter((s) => s.columns.length > 0) };
}

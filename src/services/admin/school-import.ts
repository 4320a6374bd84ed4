import { and, eq, inArray, sql } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import { noRowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { communities, schoolPlaces, schools, seasonCatchments, seasonSchools, seasons } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import {
  type CommunityRowInput,
  decideImport,
  type RowError,
  type SchoolRowInput,
  schoolColumns,
  schoolSheet,
} from '../../domain/school-import';
import { catchmentRemovalRefusal } from '../../domain/school-rules';
import { auditStatement } from '../audit';
import { seasonSchoolsContext } from './schools';
import { chosenFrom } from './school-uses';
import { seasonStale } from './seasons';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };
/** Who imports: a signed-in administrator, or the seed loading the demo's season (no staff account). */
export type CatalogActor = { staffId: string | null; username: string };

export interface ImportInput {
  seasonId: string;
  /** The season's version the file was prepared on: an import changes the season (its version moves on). */
  version: number;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  schools: SchoolRowInput[];
  communities: CommunityRowInput[];
}

function invalid(errors: RowError[]): never {
  const rows = new Set(errors.map((e) => `${e.sheet}:${e.row}`)).size;
  throw new DomainError('IMPORT_INVALID', `文件有 ${rows} 行有误，未导入任何数据`, undefined, undefined, undefined, undefined, errors);
}

/**
 * Imports schools and communities into a season, all or nothing. The rows (as read from the file, with their row
 * numbers) are checked again here against the rules, the season's entries and grades, the region's communities and
 * schools, and the applications already made (a community may not leave the catchment of a school its families
 * chose). Schools are matched by code within the region: a known code updates the school's name and the season's
 * address, phone, places and catchment (schools not in the file stay as they are); an unknown one is created. One
 * guarded batch on the season's version, with one audit entry (before and after); every bad row is reported at once.
 */
export async function importSchools(deps: Deps, admin: CatalogActor, input: ImportInput, request: Request) {
  const { db } = deps;
  const now = deps.clock.now();
  const { season, catalog, columns, communities: communityRows } = await seasonSchoolsContext(db, input.seasonId);
  const regionSchools = await db.select().from(schools).where(eq(schools.regionId, season.regionId));
  const decision = decideImport(input, { columns, communities: communityRows.map((c) => c.name), schools: regionSchools });
  if (!decision.ok) invalid(decision.errors);

  const identityOf = new Map(regionSchools.map((s) => [s.code, s]));
  const offerOf = new Map(catalog.schools.map((s) => [s.school.id, s.offer]));
  const used = await chosenFrom(db, season.id);
  const catchmentOf = (offerId: string) => catalog.catchments.filter((c) => c.seasonSchoolId === offerId).map((c) => c.community);
  const lost: RowError[] = [];
  for (const s of decision.schools) {
    const identity = identityOf.get(s.code);
    const offer = identity && offerOf.get(identity.id);
    if (!identity || !offer) continue;
    const refusal = catchmentRemovalRefusal(s.name, catchmentOf(offer.id), s.communities, used.get(identity.id) ?? []);
    if (refusal) lost.push({ sheet: schoolSheet, row: s.row, column: schoolColumns.catchment, message: refusal });
  }
  if (lost.length) invalid(lost);
  if (season.version !== input.version) throw seasonStale();

  const communityId = new Map(communityRows.map((c) => [c.name, c.id]));
  let communitySort = Math.max(-1, ...communityRows.map((c) => c.sort));
  const newCommunities = decision.newCommunities.map((name) => {
    const row = { id: newId(deps.random), regionId: season.regionId, name, sort: ++communitySort };
    communityId.set(name, row.id);
    return row;
  });
  let offerSort = Math.max(-1, ...catalog.schools.map((s) => s.offer.sort));
  const plan = decision.schools.map((s) => {
    const identity = identityOf.get(s.code);
    const offer = identity ? offerOf.get(identity.id) : undefined;
    return {
      s,
      schoolId: identity?.id ?? newId(deps.random),
      identity,
      offer,
      offerId: offer?.id ?? newId(deps.random),
      sort: offer?.sort ?? ++offerSort,
    };
  });
  const created = plan.filter((p) => !p.offer).map((p) => p.s.code);
  const updated = plan.filter((p) => p.offer).map((p) => p.s.code);
  const summary = { seasonId: season.id, created: created.length, updated: updated.length, communities: newCommunities.length };
  if (input.dryRun) return { ...summary, dryRun: true as const, version: season.version };

  const before = Object.fromEntries(
    plan
      .filter((p) => p.offer)
      .map((p) => [
        p.s.code,
        {
          name: p.identity!.name,
          address: p.offer!.address,
          contactPhone: p.offer!.contactPhone,
          places: catalog.places.filter((x) => x.seasonSchoolId === p.offerId).map(({ seasonSchoolId: _, ...x }) => x),
          communities: catchmentOf(p.offerId),
        },
      ]),
  );
  const after = Object.fromEntries(
    plan.map((p) => [
      p.s.code,
      {
        name: p.s.name,
        level: p.s.level,
        address: p.s.address,
        contactPhone: p.s.contactPhone,
        places: p.s.places,
        communities: p.s.communities,
      },
    ]),
  );
  const newCodes = plan.filter((p) => !p.identity).map((p) => p.s.code);
  const joining = plan.filter((p) => p.identity && !p.offer).map((p) => p.schoolId);
  const kept = plan.filter((p) => p.offer).map((p) => `${p.offerId}:${p.offer!.version}`);
  const done = await commitChange(db, deps.random, {
    table: seasons,
    key: { column: seasons.id, value: season.id },
    guard: { version: input.version },
    also: [
      // Nothing the file was checked against has moved: the season's schools it updates, the codes and communities it adds.
      kept.length
        ? sql`(SELECT count(*) FROM ${seasonSchools} WHERE ${seasonSchools.id} || ':' || ${seasonSchools.version} IN ${kept}) = ${kept.length}`
        : undefined,
      newCodes.length ? noRowExists(schools, eq(schools.regionId, season.regionId), inArray(schools.code, newCodes)) : undefined,
      joining.length
        ? noRowExists(seasonSchools, eq(seasonSchools.seasonId, season.id), inArray(seasonSchools.schoolId, joining))
        : undefined,
      newCommunities.length
        ? noRowExists(
            communities,
            eq(communities.regionId, season.regionId),
            inArray(
              communities.name,
              newCommunities.map((c) => c.name),
            ),
          )
        : undefined,
    ],
    set: { version: input.version + 1, updatedAt: now },
    nonce: seasons.changeNonce,
    returning: { version: seasons.version },
    followUps: (won) => [
      ...newCommunities.map((c) => insertWhen(db, communities, c, won)),
      ...plan.flatMap((p) => {
        const { s } = p;
        const identity = p.identity
          ? p.identity.name === s.name
            ? []
            : [
                db
                  .update(schools)
                  .set({ name: s.name, updatedAt: now })
                  .where(and(eq(schools.id, p.schoolId), won)),
              ]
          : [
              insertWhen(
                db,
                schools,
                { id: p.schoolId, regionId: season.regionId, code: s.code, name: s.name, level: s.level, updatedAt: now },
                won,
              ),
            ];
        const offer = p.offer
          ? [
              db
                .update(seasonSchools)
                .set({ address: s.address, contactPhone: s.contactPhone, version: p.offer.version + 1, updatedAt: now })
                .where(and(eq(seasonSchools.id, p.offerId), won)),
              db.delete(schoolPlaces).where(and(eq(schoolPlaces.seasonSchoolId, p.offerId), won)),
              db.delete(seasonCatchments).where(and(eq(seasonCatchments.seasonSchoolId, p.offerId), won)),
            ]
          : [
              insertWhen(
                db,
                seasonSchools,
                {
                  id: p.offerId,
                  seasonId: season.id,
                  schoolId: p.schoolId,
                  address: s.address,
                  contactPhone: s.contactPhone,
                  sort: p.sort,
                  version: 0,
                  updatedAt: now,
                },
                won,
              ),
            ];
        return [
          ...identity,
          ...offer,
          ...s.places.map((place) => insertWhen(db, schoolPlaces, { seasonSchoolId: p.offerId, ...place }, won)),
          ...s.communities.map((name) =>
            insertWhen(db, seasonCatchments, { seasonSchoolId: p.offerId, communityId: communityId.get(name)! }, won),
          ),
        ];
      }),
      auditStatement(
        db,
        {
          staffId: admin.staffId,
          username: admin.username,
          action: 'schools_import',
          detail: { seasonId: season.id, created, updated, communities: newCommunities.map((c) => c.name), before, after },
          ...request,
          at: now,
        },
        won,
      ),
    ],
  });
  if (!done.won) throw seasonStale();
  return { ...summary, dryRun: false as const, version: done.row.version };
}

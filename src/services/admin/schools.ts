import { and, asc, eq } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import type { Db } from '../../../db/client';
import { noRowExists, rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { applications, auditLog, communities, schoolPlaces, schools, seasonCatchments, seasonSchools } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import type { Level } from '../../domain/catalog';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { placeColumns } from '../../domain/school-import';
import { decideOffer, type OfferInput } from '../../domain/school-offer';
import { catchmentRemovalRefusal, removalRefusal, schoolChangedMessage, schoolLimits } from '../../domain/school-rules';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';
import { seasonCatalog, seasonOf } from './seasons';
import { chosenFrom, namesSchool, schoolUses } from './school-uses';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

const author = (admin: SignedInStaff, request: Request) => ({ staffId: admin.staffId, username: admin.username, ...request });
const changed = () => new DomainError('SCHOOL_CHANGED', schoolChangedMessage);
const notFound = () => new DomainError('SCHOOL_NOT_FOUND', '找不到该学校，请刷新后再试');

function refuse(decision: { field: string; message: string }): never {
  throw new DomainError('INVALID_INPUT', decision.message, { [decision.field]: [decision.message] });
}

/** What a season's schools are edited against: its place columns and its region's communities. */
export async function seasonSchoolsContext(db: Db, seasonId: string) {
  const season = await seasonOf(db, seasonId);
  const [catalog, communityRows] = await Promise.all([
    seasonCatalog(db, seasonId),
    db.select().from(communities).where(eq(communities.regionId, season.regionId)).orderBy(asc(communities.sort)),
  ]);
  const columns = placeColumns(catalog.entries, catalog.tracks);
  return { season, catalog, columns, communities: communityRows };
}

type Catalog = Awaited<ReturnType<typeof seasonCatalog>>;

const entryOrder = (catalog: Catalog, entryId: string) => catalog.entries.findIndex((e) => e.id === entryId);

/** One season school as the desk and integrators see it (and as its audit entry records it). */
function offerView(catalog: Catalog, offerId: string) {
  const found = catalog.schools.find((s) => s.offer.id === offerId)!;
  return {
    id: found.offer.id,
    schoolId: found.school.id,
    code: found.school.code,
    name: found.school.name,
    level: found.school.level,
    address: found.offer.address,
    contactPhone: found.offer.contactPhone,
    version: found.offer.version,
    places: catalog.places
      .filter((p) => p.seasonSchoolId === offerId)
      .sort((a, b) => entryOrder(catalog, a.entryId) - entryOrder(catalog, b.entryId) || a.grade - b.grade)
      .map((p) => ({ entryId: p.entryId, grade: p.grade, places: p.places, classes: p.classes, classSize: p.classSize })),
    communities: catalog.catchments.filter((c) => c.seasonSchoolId === offerId).map((c) => ({ id: c.communityId, name: c.community })),
  };
}

/**
 * A season's schools with their places per entry and grade, catchments, version and how many applications name them;
 * the season's place columns and the region's communities (what an edit or an import chooses from).
 */
export async function listSeasonSchools(db: Db, seasonId: string) {
  const { season, catalog, columns, communities: communityRows } = await seasonSchoolsContext(db, seasonId);
  const [uses, regionSchools] = await Promise.all([
    schoolUses(db, seasonId),
    db.select().from(schools).where(eq(schools.regionId, season.regionId)).orderBy(asc(schools.code)),
  ]);
  const offered = new Set(catalog.schools.map((s) => s.school.id));
  return {
    season: { id: season.id, name: season.name, status: season.status, version: season.version, regionId: season.regionId },
    columns: columns.map((c) => ({
      key: c.key,
      entryId: c.entryId,
      entryCode: c.entryCode,
      grade: c.grade,
      levels: c.levels,
      label: c.label,
    })),
    communities: communityRows.map((c) => ({ id: c.id, name: c.name })),
    schools: catalog.schools.map(({ offer }) => {
      return { ...offerView(catalog, offer.id), applications: uses.get(offer.schoolId)?.applications ?? 0 };
    }),
    /** The region's schools this season does not offer (an administrator may add one back). */
    others: regionSchools.filter((s) => !offered.has(s.id)).map((s) => ({ id: s.id, code: s.code, name: s.name, level: s.level })),
  };
}

const placeRow = (
  seasonSchoolId: string,
  p: { entryId: string; grade: number; places: number; classes: number | null; classSize: number | null },
) => ({
  seasonSchoolId,
  ...p,
});

export type CreateSchoolInput = OfferInput & { seasonId: string } & (
    | { schoolId: string; code?: undefined; name?: undefined; level?: undefined }
    | { schoolId?: undefined; code: string; name: string; level: Level }
  );

/**
 * A school in a season: a new school of the region (its code not yet taken), or one of the region's schools the season
 * does not offer yet. One batch; the database settles two creations of the same code or the same school (the second
 * answers SCHOOL_EXISTS and writes nothing).
 */
export async function createSeasonSchool(deps: Deps, admin: SignedInStaff, input: CreateSchoolInput, request: Request) {
  const { db } = deps;
  const now = deps.clock.now();
  const { season, catalog, columns, communities: communityRows } = await seasonSchoolsContext(db, input.seasonId);
  let identity: { id: string; code: string; name: string; level: Level; isNew: boolean };
  if (input.schoolId !== undefined) {
    const [found] = await db
      .select()
      .from(schools)
      .where(and(eq(schools.id, input.schoolId), eq(schools.regionId, season.regionId)));
    if (!found) throw notFound();
    identity = { id: found.id, code: found.code, name: found.name, level: found.level, isNew: false };
  } else {
    const name = input.name.trim();
    if (name === '' || name.length > schoolLimits.name) refuse({ field: 'name', message: `学校名称须为1到${schoolLimits.name}个字` });
    identity = { id: newId(deps.random), code: input.code.trim(), name, level: input.level, isNew: true };
  }
  if (catalog.schools.some((s) => s.school.id === identity.id))
    throw new DomainError('SCHOOL_EXISTS', `「${identity.name}」已在本招生季中`);
  const decision = decideOffer(identity.level, input, { columns, communityIds: communityRows.map((c) => c.id) });
  if (!decision.ok) refuse(decision);
  const offerId = newId(deps.random);
  const sort = Math.max(-1, ...catalog.schools.map((s) => s.offer.sort)) + 1;
  const created = rowExists(seasonSchools, eq(seasonSchools.id, offerId));
  const after = {
    code: identity.code,
    name: identity.name,
    level: identity.level,
    address: decision.address,
    contactPhone: decision.contactPhone,
    places: decision.places,
    communities: communityRows.filter((c) => decision.communityIds.includes(c.id)).map((c) => c.name),
  };
  // The identity is written only while no school of the region has its code: never for one the region already has.
  const insertIdentity = insertWhen(
    db,
    schools,
    { id: identity.id, regionId: season.regionId, code: identity.code, name: identity.name, level: identity.level, updatedAt: now },
    noRowExists(schools, eq(schools.regionId, season.regionId), eq(schools.code, identity.code)),
  );
  const insertOffer = insertWhen(
    db,
    seasonSchools,
    {
      id: offerId,
      seasonId: season.id,
      schoolId: identity.id,
      address: decision.address,
      contactPhone: decision.contactPhone,
      sort,
      version: 0,
      updatedAt: now,
    },
    and(
      rowExists(schools, eq(schools.id, identity.id)),
      noRowExists(seasonSchools, eq(seasonSchools.seasonId, season.id), eq(seasonSchools.schoolId, identity.id)),
    )!,
  );
  const results = await db.batch([
    insertIdentity,
    insertOffer,
    ...decision.places.map((p) => insertWhen(db, schoolPlaces, placeRow(offerId, p), created)),
    ...decision.communityIds.map((communityId) => insertWhen(db, seasonCatchments, { seasonSchoolId: offerId, communityId }, created)),
    auditStatement(
      db,
      {
        ...author(admin, request),
        action: 'school_create',
        detail: { seasonId: season.id, seasonSchoolId: offerId, before: null, after },
        at: now,
      },
      created,
    ),
  ]);
  if (results[1].rowsAffected === 0) {
    throw new DomainError('SCHOOL_EXISTS', identity.isNew ? `学校代码「${identity.code}」已被使用` : `「${identity.name}」已在本招生季中`, {
      code: [`学校代码「${identity.code}」已被使用`],
    });
  }
  return { id: offerId, schoolId: identity.id, version: 0 };
}

async function loadOffer(db: Db, seasonSchoolId: string) {
  const [found] = await db.select({ seasonId: seasonSchools.seasonId }).from(seasonSchools).where(eq(seasonSchools.id, seasonSchoolId));
  if (!found) throw notFound();
  const context = await seasonSchoolsContext(db, found.seasonId);
  const current = offerView(context.catalog, seasonSchoolId);
  return { ...context, current };
}

/**
 * An edit of a season's school on the version the administrator saw: its name, address, phone, places (replaced) and
 * catchment (replaced). Taking a community out of the catchment is refused while submitted applications from it chose
 * the school. One guarded batch with its audit entry (before and after); a stale version answers SCHOOL_CHANGED.
 */
export async function updateSeasonSchool(
  deps: Deps,
  admin: SignedInStaff,
  input: OfferInput & { seasonSchoolId: string; version: number; name?: string },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const { season, columns, communities: communityRows, current } = await loadOffer(db, input.seasonSchoolId);
  if (current.version !== input.version) throw changed();
  const name = input.name?.trim() ?? current.name;
  if (name === '' || name.length > schoolLimits.name) refuse({ field: 'name', message: `学校名称须为1到${schoolLimits.name}个字` });
  const decision = decideOffer(current.level, input, { columns, communityIds: communityRows.map((c) => c.id) });
  if (!decision.ok) refuse(decision);
  const afterCommunities = communityRows.filter((c) => decision.communityIds.includes(c.id)).map((c) => c.name);
  const used = (await chosenFrom(db, season.id)).get(current.schoolId) ?? [];
  const lost = catchmentRemovalRefusal(
    name,
    current.communities.map((c) => c.name),
    afterCommunities,
    used,
  );
  if (lost) throw new DomainError('SCHOOL_IN_USE', lost, { communityIds: [lost] });
  const { id: _id, schoolId: _s, version: _v, ...before } = { ...current, communities: current.communities.map((c) => c.name) };
  const after = {
    ...before,
    name,
    address: decision.address,
    contactPhone: decision.contactPhone,
    places: decision.places,
    communities: afterCommunities,
  };
  const done = await commitChange(db, deps.random, {
    table: seasonSchools,
    key: { column: seasonSchools.id, value: current.id },
    guard: { version: input.version },
    set: { address: decision.address, contactPhone: decision.contactPhone, version: input.version + 1, updatedAt: now },
    nonce: seasonSchools.changeNonce,
    returning: { version: seasonSchools.version },
    followUps: (won) => [
      db
        .update(schools)
        .set({ name, updatedAt: now })
        .where(and(eq(schools.id, current.schoolId), won)),
      db.delete(schoolPlaces).where(and(eq(schoolPlaces.seasonSchoolId, current.id), won)),
      ...decision.places.map((p) => insertWhen(db, schoolPlaces, placeRow(current.id, p), won)),
      db.delete(seasonCatchments).where(and(eq(seasonCatchments.seasonSchoolId, current.id), won)),
      ...decision.communityIds.map((communityId) => insertWhen(db, seasonCatchments, { seasonSchoolId: current.id, communityId }, won)),
      auditStatement(
        db,
        {
          ...author(admin, request),
          action: 'school_update',
          detail: { seasonId: season.id, seasonSchoolId: current.id, before, after },
          at: now,
        },
        won,
      ),
    ],
  });
  if (!done.won) throw changed();
  return { id: current.id, version: done.row.version };
}

/**
 * Takes a school out of a season (its identity stays for other seasons), refused while any application of the season
 * names it (first or second choice, or a sibling's school; drafts included). One batch: the audit entry is written
 * only while the school is still at the version seen and unnamed, and the rows are deleted only where it was.
 */
export async function removeSeasonSchool(
  deps: Deps,
  admin: SignedInStaff,
  input: { seasonSchoolId: string; version: number },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const { season, current } = await loadOffer(db, input.seasonSchoolId);
  if (current.version !== input.version) throw changed();
  const use = (await schoolUses(db, season.id)).get(current.schoolId) ?? { choices: 0, siblings: 0 };
  const refusal = removalRefusal(current.name, use);
  if (refusal) throw new DomainError('SCHOOL_IN_USE', refusal);
  const auditId = newId(deps.random);
  const stillFree = and(
    rowExists(seasonSchools, eq(seasonSchools.id, current.id), eq(seasonSchools.version, input.version)),
    noRowExists(applications, namesSchool(season.id, current.schoolId)),
  )!;
  const removed = rowExists(auditLog, eq(auditLog.id, auditId));
  const { id: _id, version: _v, ...before } = { ...current, communities: current.communities.map((c) => c.name) };
  const [entry] = await db.batch([
    auditStatement(
      db,
      {
        ...author(admin, request),
        id: auditId,
        action: 'school_remove',
        detail: { seasonId: season.id, seasonSchoolId: current.id, before, after: null },
        at: now,
      },
      stillFree,
    ),
    db.delete(schoolPlaces).where(and(eq(schoolPlaces.seasonSchoolId, current.id), removed)),
    db.delete(seasonCatchments).where(and(eq(seasonCatchments.seasonSchoolId, current.id), removed)),
    db.delete(seasonSchools).where(and(eq(seasonSchools.id, current.id), removed)),
  ]);
  if (entry.rowsAffected === 0) {
    const [latest] = await db.select({ version: seasonSchools.version }).from(seasonSchools).where(eq(seasonSchools.id, current.id));
    if (!latest || latest.version !== input.version) throw changed();
    throw new DomainError('SCHOOL_IN_USE', `「${current.name}」刚被报名选择，不能从本招生季移除`);
  }
  return { id: current.id, removed: true as const };
}

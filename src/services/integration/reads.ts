import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { applications, channels, children, regions, schools, seasons } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { type ApplicationStatus, statusNames } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { type IntegrationKeyPrincipal, mayTouchSchool, requireSchool } from '../../domain/integration-key';
import { confirmationState, guardianOf } from '../../domain/placement/confirmed-list';
import { placedAtSchool } from '../placement/placed-at-school';
import { statusesCountedPerChannel } from '../../domain/review-stats';
import { seasonSchoolsOf } from '../admin/seasons';
import { auditStatement, auditStatements } from '../audit';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type Request = { ip: string | null; requestId: string | null };
type ConfirmationAnswer = Parameters<typeof confirmationState>[0];

/** The key as the system holding it sees it: its name, scopes, school and expiry. */
export function whoami(key: IntegrationKeyPrincipal) {
  return { name: key.name, scopes: key.scopes, schoolId: key.schoolId, expiresAt: key.expiresAt?.toISOString() ?? null };
}

/** Each region's current (newest published) season. */
async function currentSeasons(deps: Deps) {
  const rows = await deps.db
    .select({ id: seasons.id, name: seasons.name, year: seasons.year, regionId: regions.id, region: regions.name })
    .from(seasons)
    .innerJoin(regions, eq(regions.id, seasons.regionId))
    .where(eq(seasons.status, 'published'))
    .orderBy(asc(regions.sort), desc(seasons.year));
  return rows.filter((row, i) => rows.findIndex((r) => r.regionId === row.regionId) === i);
}

/** The schools of each region's published season with their 计划学位 (a school-scoped key: its own school only). */
export async function integrationSchools(deps: Deps, key: IntegrationKeyPrincipal) {
  const seasonsNow = await currentSeasons(deps);
  const offers = await Promise.all(seasonsNow.map((season) => seasonSchoolsOf(deps.db, season.id)));
  const result = seasonsNow.map((season, i) => {
    const offered = offers[i]!;
    return {
      seasonId: season.id,
      seasonName: season.name,
      year: season.year,
      regionId: season.regionId,
      regionName: season.region,
      schools: offered.schools
        .filter(({ school }) => mayTouchSchool(key, school.id))
        .map(({ offer, school }) => ({
          id: school.id,
          code: school.code,
          name: school.name,
          level: school.level,
          address: offer.address,
          contactPhone: offer.contactPhone,
          places: offered.places
            .filter((p) => p.seasonSchoolId === offer.id)
            .map((p) => ({ entryId: p.entryId, grade: p.grade, places: p.places, classes: p.classes, classSize: p.classSize })),
        })),
    };
  });
  return { seasons: result };
}

/** The newest published season that offers the school, or the one asked for. */
async function seasonFor(deps: Deps, schoolId: string, seasonId: string | undefined) {
  const [school] = await deps.db
    .select({ id: schools.id, name: schools.name, regionId: schools.regionId })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new DomainError('SCHOOL_NOT_FOUND', '找不到该学校');
  const [season] = await deps.db
    .select({ id: seasons.id, name: seasons.name })
    .from(seasons)
    .where(and(eq(seasons.regionId, school.regionId), eq(seasons.status, 'published'), seasonId ? eq(seasons.id, seasonId) : undefined))
    .orderBy(desc(seasons.year))
    .limit(1);
  if (!season) throw new DomainError('SEASON_NOT_FOUND', '找不到该招生季');
  return { school, season };
}

/** Applications the school approved or admitted (学校审核通过, 已录取). */
const approvedStatuses = ['school_approved', 'admitted'] as const;

/**
 * A school's applications a 学籍 system takes over: those the school approved or admitted as first choice, and those
 * placed at the school by a published draw with the family's answer; full names (the key is allowed them), ID numbers
 * masked. Audited as the desk's 录取名单 read is: one entry for the list and one per application, naming the key.
 */
export async function integrationPlacements(
  deps: Deps,
  key: IntegrationKeyPrincipal,
  input: { schoolId: string; seasonId?: string },
  request: Request,
) {
  requireSchool(key, input.schoolId);
  const { db } = deps;
  const { school, season } = await seasonFor(deps, input.schoolId, input.seasonId);
  const [placedRows, approvedRows] = await db.batch([
    placedAtSchool(db, school.id, season.id),
    db
      .select({
        applicationId: applications.id,
        number: applications.number,
        status: applications.status,
        form: applications.form,
        community: applications.community,
        channel: channels.name,
        childName: children.name,
        sex: children.sex,
        birthDate: children.birthDate,
        idMasked: children.idMasked,
      })
      .from(applications)
      .innerJoin(children, eq(children.id, applications.childId))
      .leftJoin(channels, eq(channels.id, applications.channelId))
      .where(
        and(
          eq(applications.seasonId, season.id),
          eq(applications.firstSchoolId, school.id),
          inArray(applications.status, [...approvedStatuses]),
        ),
      ),
  ]);
  const entryOf = (r: (typeof approvedRows)[number], placement: { confirmation: ConfirmationAnswer } | null) => ({
    applicationId: r.applicationId,
    number: r.number,
    status: r.status,
    statusName: statusNames[r.status],
    childName: r.childName,
    sex: r.sex,
    birthDate: r.birthDate,
    idNumberMasked: r.idMasked,
    guardianName: guardianOf(r.form),
    channel: r.channel,
    community: r.community,
    placed: placement !== null,
    confirmation: placement ? confirmationState(placement.confirmation) : null,
  });
  // One entry per application: its placement here (rounds in order, so the latest round's) over its approval.
  const byApplication = new Map(approvedRows.map((r) => [r.applicationId, entryOf(r, null)]));
  for (const r of placedRows) byApplication.set(r.applicationId, entryOf(r, r));
  const entries = [...byApplication.values()].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const actor = { staffId: null, username: key.name, key: { keyId: key.keyId, schoolId: key.schoolId }, ...request, at: deps.clock.now() };
  await db.batch([
    auditStatement(db, { ...actor, action: 'confirmed_list', detail: { schoolId: school.id, seasonId: season.id, rows: entries.length } }),
    ...auditStatements(
      db,
      entries.map((e) => ({ ...actor, action: 'confirmed_list_row', applicationId: e.applicationId })),
      sql`1`,
    ),
  ]);
  return { school: { id: school.id, name: school.name }, season, entries };
}

/**
 * Applications per first-choice school and status, counting what the desk's statistics count per channel (every
 * application that left the draft); a school-scoped key sees its school only.
 */
export async function integrationStatistics(deps: Deps, key: IntegrationKeyPrincipal, input: { seasonId?: string }) {
  const rows = await deps.db
    .select({ schoolId: applications.firstSchoolId, schoolName: schools.name, status: applications.status, n: count() })
    .from(applications)
    .innerJoin(schools, eq(schools.id, applications.firstSchoolId))
    .where(
      and(
        inArray(applications.status, [...statusesCountedPerChannel]),
        input.seasonId ? eq(applications.seasonId, input.seasonId) : undefined,
        key.schoolId ? eq(applications.firstSchoolId, key.schoolId) : undefined,
      ),
    )
    .groupBy(applications.firstSchoolId, schools.name, applications.status)
    .orderBy(asc(schools.name));
  const bySchool = new Map<
    string,
    { schoolId: string; schoolName: string; total: number; byStatus: { status: ApplicationStatus; statusName: string; count: number }[] }
  >();
  for (const r of rows) {
    const school = bySchool.get(r.schoolId!) ?? { schoolId: r.schoolId!, schoolName: r.schoolName, total: 0, byStatus: [] };
    school.total += r.n;
    school.byStatus.push({ status: r.status, statusName: statusNames[r.status], count: r.n });
    bySchool.set(r.schoolId!, school);
  }
  return { schools: [...bySchool.values()] };
}

import { and, asc, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { placementDraws, placements, schools, seasons } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { type ConfirmedEntry, confirmationState, guardianOf } from '../../domain/placement/confirmed-list';
import { auditStatement, auditStatements } from '../audit';
import { placedAtSchool } from './placed-at-school';
import type { SignedInStaff } from '../staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** The schools and seasons whose published results the member may list: a school reviewer's own school only. */
async function offered(deps: Deps, member: SignedInStaff) {
  const own: SQL | undefined = member.role === 'school_reviewer' ? eq(placements.schoolId, member.schoolId ?? '') : undefined;
  return deps.db
    .selectDistinct({
      schoolId: schools.id,
      schoolName: schools.name,
      schoolCode: schools.code,
      seasonId: seasons.id,
      seasonName: seasons.name,
      year: seasons.year,
    })
    .from(placements)
    .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
    .innerJoin(schools, eq(schools.id, placements.schoolId))
    .innerJoin(seasons, eq(seasons.id, placementDraws.seasonId))
    .where(and(isNotNull(placementDraws.publishedAt), own))
    .orderBy(desc(seasons.year), asc(seasons.name), asc(schools.code));
}

const unique = <T extends { id: string }>(items: T[]) => items.filter((item, i) => items.findIndex((o) => o.id === item.id) === i);

/**
 * A school's 录取名单: the applications placed at the school by a season's published draws, with the family's answer
 * (已确认 / 待确认 / 已放弃) and what a 学籍 system imports (full names, masked ID numbers, the guardian and the
 * account's phone). A school reviewer sees their own school only (another school is FORBIDDEN); county reviewers and
 * administrators pick any. The read of a list with full names is audited with the school, season and row count.
 * Without a school or season, the first school (by code) and the latest season with published results.
 */
export async function confirmedList(
  deps: Deps,
  member: SignedInStaff,
  input: { schoolId?: string | null; seasonId?: string | null },
  request: { ip: string | null; requestId: string | null },
) {
  const { db } = deps;
  if (member.role === 'school_reviewer' && (!member.schoolId || (input.schoolId && input.schoolId !== member.schoolId))) {
    throw new DomainError('STAFF_FORBIDDEN', '只能查看本校的录取名单');
  }
  const options = await offered(deps, member);
  const schoolsOffered = unique(options.map((o) => ({ id: o.schoolId, name: o.schoolName, code: o.schoolCode })));
  const seasonsOffered = unique(options.map((o) => ({ id: o.seasonId, name: o.seasonName })));
  const school = schoolsOffered.find((s) => s.id === (input.schoolId ?? schoolsOffered[0]?.id));
  const season = seasonsOffered.find((s) => s.id === (input.seasonId ?? seasonsOffered[0]?.id));
  const lists = { schools: schoolsOffered.map(({ id, name }) => ({ id, name })), seasons: seasonsOffered };
  if (!school || !season) return { ...lists, school: school ?? null, season: season ?? null, entries: [] };

  const rows = await placedAtSchool(db, school.id, season.id);
  const entries: ConfirmedEntry[] = rows.map((r) => ({
    childName: r.childName,
    sex: r.sex,
    birthDate: r.birthDate,
    idNumberMasked: r.idMasked,
    guardianName: guardianOf(r.form),
    guardianPhone: r.phone,
    number: r.number,
    channel: r.channel,
    community: r.community,
    confirmation: confirmationState(r.confirmation),
  }));
  const at = deps.clock.now();
  await db.batch([
    auditStatement(db, {
      staffId: member.staffId,
      username: member.username,
      action: 'confirmed_list',
      detail: { schoolId: school.id, seasonId: season.id, rows: entries.length },
      ...request,
      at,
    }),
    // Each family sees 查阅录取名单 in their 查阅记录 (the page reads and exports from this one query).
    ...auditStatements(
      db,
      rows.map((r) => ({
        staffId: member.staffId,
        username: member.username,
        action: 'confirmed_list_row',
        applicationId: r.applicationId,
        ...request,
        at,
      })),
      sql`1`,
    ),
  ]);
  return { ...lists, school: { id: school.id, name: school.name }, season, entries };
}

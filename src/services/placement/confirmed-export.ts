import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { placementDraws, placements, schools, seasons } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { type ConfirmationState, confirmationState, confirmedFileName } from '../../domain/placement/confirmed-list';
import {
  assertMayExport,
  type ExportEntry,
  type ExportFormat,
  type ExportPrincipal,
  type ExportedId,
  exportTable,
  mayExportFullIdNumbers,
} from '../../domain/placement/confirmed-export';
import { auditStatement, auditStatements } from '../audit';
import { placedAtSchool } from './placed-at-school';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'vault'>;

/** Who exports, as the audit log names them: a staff member, or a system by its key's name and id. */
export interface ExportActor {
  principal: ExportPrincipal;
  staffId: string | null;
  username: string;
  key?: { keyId: string; schoolId: string | null };
}

export interface ConfirmedExportInput {
  schoolId: string;
  seasonId?: string | null;
  state?: ConfirmationState | null;
  format: ExportFormat;
}

/** A sealed ID number from the form (`{ sealed, masked }`), or null where the form has none. */
const formSecret = (value: unknown): { sealed: string; masked: string } | null =>
  value && typeof value === 'object' && typeof (value as { sealed?: unknown }).sealed === 'string'
    ? (value as { sealed: string; masked: string })
    : null;

const formText = (form: Record<string, unknown>, key: string) => {
  const value = form[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** The latest season (or the one asked for) in which a published draw placed applications at the school. */
async function seasonOf(deps: Deps, schoolId: string, seasonId: string | null | undefined) {
  const [season] = await deps.db
    .selectDistinct({ id: seasons.id, name: seasons.name, year: seasons.year })
    .from(placements)
    .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
    .innerJoin(seasons, eq(seasons.id, placementDraws.seasonId))
    .where(and(eq(placements.schoolId, schoolId), isNotNull(placementDraws.publishedAt), seasonId ? eq(seasons.id, seasonId) : undefined))
    .orderBy(desc(seasons.year), asc(seasons.name))
    .limit(1);
  return season ?? null;
}

/**
 * A school's 录取名单 as a file for its 学籍 system: the applications placed at the school by a season's published
 * draws (optionally only those in one 确认状态), full names, and full ID numbers for a principal that may reveal them
 * (masked otherwise). Audited in the same batch as nothing else: one `confirmed_export` entry with the school,
 * season, format and row count, and one entry per exported application (`confirmed_export_row`, or
 * `confirmed_export_row_full_id` when full ID numbers went out) that the family sees in their 查阅记录.
 */
export async function confirmedExport(
  deps: Deps,
  actor: ExportActor,
  input: ConfirmedExportInput,
  request: { ip: string | null; requestId: string | null },
) {
  const { db, vault } = deps;
  assertMayExport(actor.principal, input.schoolId);
  const [school] = await db.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.id, input.schoolId));
  if (!school) throw new DomainError('SCHOOL_NOT_FOUND', '找不到该学校');
  const season = await seasonOf(deps, school.id, input.seasonId);
  if (!season && input.seasonId) throw new DomainError('SEASON_NOT_FOUND', '该招生季没有本校已公布的录取结果');
  const fullIdNumbers = mayExportFullIdNumbers(actor.principal);

  const rows = season ? await placedAtSchool(db, school.id, season.id) : [];
  const chosen = rows.filter((r) => !input.state || confirmationState(r.confirmation) === input.state);

  const reveal = async (sealed: string | null, masked: string): Promise<ExportedId> => ({
    full: fullIdNumbers && sealed ? await vault.decrypt(sealed) : null,
    masked,
  });
  const entries: ExportEntry[] = await Promise.all(
    chosen.map(async (r) => {
      const form = (r.form ?? {}) as Record<string, unknown>;
      const studentNumber = formSecret(form.studentNumber);
      return {
        childName: r.childName,
        sex: r.sex,
        birthDate: r.birthDate,
        idType: r.idType,
        idNumber: await reveal(r.idCipher, r.idMasked),
        studentNumber: studentNumber ? await reveal(studentNumber.sealed, studentNumber.masked) : null,
        grade: r.grade,
        school: school.name,
        channel: r.channel,
        community: r.community,
        address: formText(form, 'address'),
        hukouAddress: formText(form, 'hukouAddress'),
        fatherName: formText(form, 'fatherName'),
        motherName: formText(form, 'motherName'),
        phone: r.phone,
        number: r.number,
        confirmation: confirmationState(r.confirmation),
      };
    }),
  );

  const at = deps.clock.now();
  const who = { staffId: actor.staffId, username: actor.username, ...(actor.key ? { key: actor.key } : {}), ...request, at };
  await db.batch([
    auditStatement(db, {
      ...who,
      action: 'confirmed_export',
      detail: {
        schoolId: school.id,
        seasonId: season?.id ?? null,
        state: input.state ?? null,
        format: input.format,
        fullIdNumbers,
        rows: entries.length,
      },
    }),
    ...auditStatements(
      db,
      chosen.map((r) => ({
        ...who,
        action: fullIdNumbers ? 'confirmed_export_row_full_id' : 'confirmed_export_row',
        applicationId: r.applicationId,
        detail: { format: input.format },
      })),
      sql`1`,
    ),
  ]);
  return {
    fileName: confirmedFileName(school.name, season?.name ?? '无录取结果', input.format),
    table: exportTable(entries, { fullIdNumbers }),
    rows: entries.length,
  };
}

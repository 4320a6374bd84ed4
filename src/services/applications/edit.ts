import { and, eq, inArray, sql } from 'drizzle-orm';
import { applications, channels, communities, schools, seasonCatchments, seasonSchools, tracks } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { orRefuse } from '../../domain/application';
import { decideChannel, decideEdit, decideSchools } from '../../domain/application-edit';
import { maskSecret, secretFields } from '../../domain/application-form';
import { checkChannelClaims } from '../../domain/eligibility';
import { DomainError, fieldError } from '../../domain/errors';
import { checkChildName, checkIdNumber } from '../../domain/identity';
import { formatChinaDate } from '../../domain/china-time';
import { checkStudentNumber } from '../../domain/student-number';
import { commitEdit } from './commit';
import { editFacts } from './guards';
import { ownApplication } from './load';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault'>;
/** Form fields already parsed by the API (`formPatchOf` in src/schemas/applications.ts); `null` clears a field. */
type FormPatch = Record<string, unknown>;

const changed = () => new DomainError('APPLICATION_CHANGED', '报名状态已变化，请刷新后再操作');

/** Picks the channel (报名通道), after the parent has read its definition; it must belong to the entry and grade. */
export async function chooseChannel(deps: Deps, accountId: string, input: { applicationId: string; channelId: string }) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await ownApplication(db, accountId, input.applicationId);
  const [row] = await db
    .select({
      channelId: channels.id,
      trackId: tracks.id,
      entryId: tracks.entryId,
      gradeMin: tracks.gradeMin,
      gradeMax: tracks.gradeMax,
      enabled: channels.enabled,
    })
    .from(channels)
    .innerJoin(tracks, eq(tracks.id, channels.trackId))
    .where(eq(channels.id, input.channelId));

  const decision = orRefuse(
    decideChannel({
      ...(await editFacts(db, loaded, now)),
      entryId: loaded.entry.id,
      grade: loaded.application.grade,
      trackId: loaded.application.trackId,
      channelId: loaded.application.channelId,
      channel: row ?? null,
    }),
  );
  const saved = await commitEdit(deps, { applicationId: loaded.application.id, guard: decision.guard, set: decision.set, now });
  if (!saved.won) throw changed();
  return { version: saved.row.version, channelId: decision.set.channelId };
}

/**
 * Names, ID numbers and the 学籍号 inside the form: checked here (the 学籍号 against the child's ID number), the
 * numbers sealed and masked before they are stored.
 */
async function sealPatch(deps: Deps, patch: FormPatch, today: string, childIdMasked: string) {
  const errors: Record<string, string[]> = {};
  for (const field of ['fatherName', 'motherName'] as const) {
    const value = patch[field];
    if (typeof value !== 'string') continue;
    const checked = checkChildName(value, 'resident');
    if (checked.ok) patch[field] = checked.name;
    else errors[field] = [checked.message.replace('姓名', field === 'fatherName' ? '父亲姓名' : '母亲姓名')];
  }
  for (const field of secretFields) {
    const value = patch[field];
    if (typeof value !== 'string') continue;
    const checked = field === 'studentNumber' ? checkStudentNumber(value, today, childIdMasked) : checkIdNumber('resident', value, today);
    if (!checked.ok) {
      errors[field] = [checked.message];
      continue;
    }
    patch[field] = { masked: maskSecret(field, checked.normalized), sealed: await deps.vault.encrypt(checked.normalized) };
  }
  return errors;
}

/**
 * Saves any subset of the form's fields (drafts are saved as the parent types: nothing is lost on reload). The
 * merge happens inside the UPDATE (`json_patch`), so saves from two tabs never overwrite each other's fields.
 * Claims are checked against the channel's cut-offs at once, so the parent learns early.
 */
export async function saveDraft(deps: Deps, accountId: string, input: { applicationId: string; patch: FormPatch }) {
  const { db } = deps;
  const now = deps.clock.now();
  const { patch } = input;
  const loaded = await ownApplication(db, accountId, input.applicationId);
  const edit = orRefuse(decideEdit(await editFacts(db, loaded, now)));

  if (typeof patch.community === 'string') {
    const [known] = await db
      .select({ id: communities.id })
      .from(communities)
      .where(and(eq(communities.regionId, loaded.season.regionId), eq(communities.name, patch.community)));
    if (!known) throw fieldError('community', '请从列表中选择所在社区');
  }
  const errors = await sealPatch(deps, patch, formatChinaDate(now), loaded.child.idMasked);
  if (loaded.channel) {
    for (const [field, message] of Object.entries(
      checkChannelClaims(loaded.channel.eligibility, { ...loaded.application.form, ...patch }),
    )) {
      if (field in patch) errors[field] = [message];
    }
  }
  if (Object.keys(errors).length) throw new DomainError('INVALID_INPUT', Object.values(errors)[0]![0]!, errors);

  const saved = await commitEdit(deps, {
    applicationId: loaded.application.id,
    guard: edit.guard,
    now,
    set: {
      form: sql`json_patch(${applications.form}, ${JSON.stringify(patch)})`,
      ...(patch.community !== undefined ? { community: (patch.community as string | null) ?? null } : {}),
    },
  });
  if (!saved.won) throw changed();
  return { version: saved.row.version, savedFields: Object.keys(patch) };
}

/**
 * Two different schools of the entry's level whose 招生范围 includes the family's community (guide 二(六)),
 * and optionally sibling priority: the sibling's ID number, the school (one of the two), a remark.
 */
export async function chooseSchools(
  deps: Deps,
  accountId: string,
  input: {
    applicationId: string;
    firstSchoolId: string;
    secondSchoolId: string;
    sibling: { idNumber: string; schoolId: string; remark: string } | null;
  },
) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await ownApplication(db, accountId, input.applicationId);
  const { community } = loaded.application;
  const ids = [input.firstSchoolId, input.secondSchoolId];
  const [chosen, serving] = await db.batch([
    db
      .select({ id: schools.id, name: schools.name, level: schools.level })
      .from(seasonSchools)
      .innerJoin(schools, eq(schools.id, seasonSchools.schoolId))
      .where(and(eq(seasonSchools.seasonId, loaded.season.id), inArray(schools.id, ids))),
    db
      .select({ schoolId: seasonSchools.schoolId })
      .from(seasonCatchments)
      .innerJoin(seasonSchools, eq(seasonSchools.id, seasonCatchments.seasonSchoolId))
      .innerJoin(communities, eq(communities.id, seasonCatchments.communityId))
      .where(
        and(eq(seasonSchools.seasonId, loaded.season.id), inArray(seasonSchools.schoolId, ids), eq(communities.name, community ?? '')),
      ),
  ]);
  const today = formatChinaDate(now);
  const siblingId = input.sibling ? checkIdNumber('resident', input.sibling.idNumber, today) : null;
  const siblingIsChild = siblingId?.ok === true && (await deps.vault.blindIndex(siblingId.normalized)) === loaded.child.idBlind;

  const decision = orRefuse(
    decideSchools({
      ...(await editFacts(db, loaded, now)),
      level: loaded.track?.level ?? null,
      community,
      today,
      firstSchoolId: input.firstSchoolId,
      secondSchoolId: input.secondSchoolId,
      sibling: input.sibling,
      siblingIsChild,
      schools: chosen.map((school) => ({ ...school, servesCommunity: serving.some((s) => s.schoolId === school.id) })),
    }),
  );
  const secrets = decision.siblingIdNumber ? await deps.vault.encrypt(decision.siblingIdNumber) : null;
  const saved = await commitEdit(deps, {
    applicationId: loaded.application.id,
    guard: decision.guard,
    set: { ...decision.set, secrets },
    now,
  });
  if (!saved.won) throw changed();
  return { version: saved.row.version };
}

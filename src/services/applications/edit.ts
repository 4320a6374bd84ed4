import { and, eq, inArray, sql } from 'drizzle-orm';
import { applications, catchments, channels, communities, schools, tracks } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { editableStatuses } from '../../domain/application-status';
import { secretFields } from '../../domain/application-form';
import { checkChannelClaims, gradeInRange, levelNames } from '../../domain/eligibility';
import { DomainError, fieldError } from '../../domain/errors';
import { checkChildName, checkIdNumber } from '../../domain/identity';
import { maskIdNumber } from '../../domain/masking';
import { formatChinaDate } from '../../domain/china-time';
import { assertEditable } from './guards';
import { ownApplication } from './load';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'vault'>;
/** Form fields already parsed by the API (`formPatchOf` in src/schemas/applications.ts); `null` clears a field. */
type FormPatch = Record<string, unknown>;

const editable = (id: string, accountId: string) =>
  and(eq(applications.id, id), eq(applications.accountId, accountId), inArray(applications.status, [...editableStatuses]));

const changed = () => new DomainError('APPLICATION_CHANGED', '报名状态已变化，请刷新后再操作');

/** Picks the channel (报名通道), after the parent has read its definition; it must belong to the entry and grade. */
export async function chooseChannel(deps: Deps, accountId: string, input: { applicationId: string; channelId: string }) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await ownApplication(db, accountId, input.applicationId);
  await assertEditable(db, loaded, now);
  const [row] = await db.select({ channel: channels, track: tracks }).from(channels)
    .innerJoin(tracks, eq(tracks.id, channels.trackId)).where(eq(channels.id, input.channelId));
  if (!row || row.track.entryId !== loaded.entry.id) throw new DomainError('CHANNEL_NOT_FOUND', '该报名通道不属于此报名入口');
  if (!gradeInRange(loaded.application.grade, row.track)) throw new DomainError('CHANNEL_NOT_FOUND', '该报名通道不适用于所报年级');
  const trackChanged = loaded.application.trackId !== row.track.id;
  const [saved] = await db.update(applications).set({
    channelId: row.channel.id, trackId: row.track.id, version: sql`${applications.version} + 1`, updatedAt: now,
    ...(trackChanged ? { firstSchoolId: null, secondSchoolId: null } : {}),
  }).where(editable(loaded.application.id, accountId)).returning({ version: applications.version });
  if (!saved) throw changed();
  return { version: saved.version, channelId: row.channel.id };
}

/** Names and ID numbers inside the form: checked here, ID numbers sealed and masked before they are stored. */
async function sealPatch(deps: Deps, patch: FormPatch, today: string) {
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
    const checked = checkIdNumber('resident', value, today);
    if (!checked.ok) { errors[field] = [checked.message]; continue; }
    patch[field] = { masked: maskIdNumber(checked.normalized), sealed: await deps.vault.encrypt(checked.normalized) };
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
  await assertEditable(db, loaded, now);

  if (typeof patch.community === 'string') {
    const [known] = await db.select({ id: communities.id }).from(communities)
      .where(and(eq(communities.regionId, loaded.season.regionId), eq(communities.name, patch.community)));
    if (!known) throw fieldError('community', '请从列表中选择所在社区');
  }
  const errors = await sealPatch(deps, patch, formatChinaDate(now));
  if (loaded.channel) {
    for (const [field, message] of Object.entries(checkChannelClaims(loaded.channel.eligibility, { ...loaded.application.form, ...patch }))) {
      if (field in patch) errors[field] = [message];
    }
  }
  if (Object.keys(errors).length) throw new DomainError('INVALID_INPUT', Object.values(errors)[0]![0]!, errors);

  const [saved] = await db.update(applications).set({
    form: sql`json_patch(${applications.form}, ${JSON.stringify(patch)})`,
    ...(patch.community !== undefined ? { community: (patch.community as string | null) ?? null } : {}),
    version: sql`${applications.version} + 1`, updatedAt: now,
  }).where(editable(loaded.application.id, accountId)).returning({ version: applications.version });
  if (!saved) throw changed();
  return { version: saved.version, savedFields: Object.keys(patch) };
}

/**
 * Two different schools of the entry's level whose 招生范围 includes the family's community (guide 二(六)),
 * and optionally sibling priority: the sibling's ID number, the school (one of the two), a remark.
 */
export async function chooseSchools(
  deps: Deps,
  accountId: string,
  input: { applicationId: string; firstSchoolId: string; secondSchoolId: string; sibling: { idNumber: string; schoolId: string; remark: string } | null },
) {
  const { db } = deps;
  const now = deps.clock.now();
  const loaded = await ownApplication(db, accountId, input.applicationId);
  await assertEditable(db, loaded, now);
  if (!loaded.track) throw new DomainError('CHANNEL_NOT_FOUND', '请先选择报名通道');
  const community = loaded.application.community;
  if (!community) throw fieldError('community', '请先填写居住社区，再选择学校');
  if (input.firstSchoolId === input.secondSchoolId) throw fieldError('secondSchoolId', '请选择两所不同的学校');

  const ids = [input.firstSchoolId, input.secondSchoolId];
  const [chosen, serving] = await db.batch([
    db.select().from(schools).where(and(eq(schools.regionId, loaded.season.regionId), inArray(schools.id, ids))),
    db.select({ schoolId: catchments.schoolId }).from(catchments).innerJoin(communities, eq(communities.id, catchments.communityId))
      .where(and(inArray(catchments.schoolId, ids), eq(communities.regionId, loaded.season.regionId), eq(communities.name, community))),
  ]);
  for (const field of ['firstSchoolId', 'secondSchoolId'] as const) {
    const school = chosen.find((s) => s.id === input[field]);
    if (!school) throw new DomainError('SCHOOL_NOT_FOUND', '找不到所选学校', { [field]: ['找不到所选学校'] });
    if (school.level !== loaded.track.level) {
      throw fieldError(field, `${school.name}不招收${levelNames[loaded.track.level]}学生`);
    }
    if (!serving.some((s) => s.schoolId === school.id)) throw fieldError(field, `${school.name}的招生范围不包括${community}`);
  }

  let sibling: { idMasked: string; schoolId: string; remark: string } | null = null;
  let sealedSibling: string | null = null;
  if (input.sibling) {
    const checked = checkIdNumber('resident', input.sibling.idNumber, formatChinaDate(now));
    if (!checked.ok) throw fieldError('sibling.idNumber', checked.message);
    if (await deps.vault.blindIndex(checked.normalized) === loaded.child.idBlind) throw fieldError('sibling.idNumber', '请填写兄姐的身份证号码，而不是孩子本人的');
    if (input.sibling.schoolId !== input.firstSchoolId && input.sibling.schoolId !== input.secondSchoolId) {
      throw fieldError('sibling.schoolId', '兄姐就读的学校须为所填报的两所学校之一');
    }
    sibling = { idMasked: maskIdNumber(checked.normalized), schoolId: input.sibling.schoolId, remark: input.sibling.remark };
    sealedSibling = await deps.vault.encrypt(checked.normalized);
  }
  const [saved] = await db.update(applications).set({
    firstSchoolId: input.firstSchoolId, secondSchoolId: input.secondSchoolId, sibling,
    secrets: sealedSibling, version: sql`${applications.version} + 1`, updatedAt: now,
  }).where(editable(loaded.application.id, accountId)).returning({ version: applications.version });
  if (!saved) throw changed();
  return { version: saved.version };
}

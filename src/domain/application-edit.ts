/**
 * The parent's edits of an application (form, channel, documents, schools), as pure decisions over plain state and
 * `now`: a refusal, or the change with its row guard as data. "Editable" is defined here once: `editRefusal` says
 * when, `editGuard` is the same rule as the condition the row must still meet when the edit is written.
 */
import { editRefusal, type EditState, type Refusal, refuse, type RowGuard } from './application';
import { editableStatuses } from './application-status';
import type { Level } from './catalog';
import { gradeInRange, levelNames } from './eligibility';
import { checkIdNumber } from './identity';
import { maskIdNumber } from './masking';

/** The row is still the family's and still in an editable state. */
export function editGuard(accountId: string): RowGuard {
  return { accountId, statusIn: editableStatuses };
}

export interface EditFacts extends EditState {
  /** The account the application belongs to, as loaded. */
  accountId: string;
}

/** An allowed edit: the guard its write must keep. */
export interface EditChange {
  ok: true;
  guard: RowGuard;
}

/** May the parent change the form, the channel, the documents or the schools now (`editRefusal`), and under which guard. */
export function decideEdit(s: EditFacts): Refusal | EditChange {
  const refusal = editRefusal(s);
  if (refusal) return refusal;
  return { ok: true, guard: editGuard(s.accountId) };
}

/** A school as the choice needs it; `servesCommunity`: its 招生范围 includes the family's community. */
export interface SchoolFacts {
  id: string;
  name: string;
  level: Level;
  servesCommunity: boolean;
}

export interface SchoolsState extends EditFacts {
  /** The level of the chosen channel's track; null before a channel is chosen. */
  level: Level | null;
  /** The family's community (居住社区) as saved in the form. */
  community: string | null;
  firstSchoolId: string;
  secondSchoolId: string;
  /** The chosen schools found in the application's region (a missing one was not found). */
  schools: readonly SchoolFacts[];
  /** Sibling priority: the sibling's ID number as typed, the school (one of the two), a remark. */
  sibling: { idNumber: string; schoolId: string; remark: string } | null;
  /** The typed sibling ID number is the child's own (the caller compares blind indexes). */
  siblingIsChild: boolean;
  /** China date `YYYY-MM-DD` (ID numbers are checked against it). */
  today: string;
}

export interface SchoolsChange extends EditChange {
  set: { firstSchoolId: string; secondSchoolId: string; sibling: { idMasked: string; schoolId: string; remark: string } | null };
  /** The sibling's normalised ID number, for the caller to seal (it is never stored in clear). */
  siblingIdNumber: string | null;
}

const fieldRefusal = (field: string, message: string) => refuse('INVALID_INPUT', message, { fields: { [field]: [message] } });

/**
 * 志愿学校: two different schools of the channel's level whose 招生范围 includes the family's community (guide 二(六)),
 * and optionally sibling priority — a valid ID number that is not the child's own, at one of the two schools.
 */
export function decideSchools(s: SchoolsState): Refusal | SchoolsChange {
  const edit = decideEdit(s);
  if (!edit.ok) return edit;
  if (!s.level) return refuse('CHANNEL_NOT_FOUND', '请先选择报名通道');
  if (!s.community) return fieldRefusal('community', '请先填写居住社区，再选择学校');
  if (s.firstSchoolId === s.secondSchoolId) return fieldRefusal('secondSchoolId', '请选择两所不同的学校');
  for (const field of ['firstSchoolId', 'secondSchoolId'] as const) {
    const school = s.schools.find((candidate) => candidate.id === s[field]);
    if (!school) return refuse('SCHOOL_NOT_FOUND', '找不到所选学校', { fields: { [field]: ['找不到所选学校'] } });
    if (school.level !== s.level) return fieldRefusal(field, `${school.name}不招收${levelNames[s.level]}学生`);
    if (!school.servesCommunity) return fieldRefusal(field, `${school.name}的招生范围不包括${s.community}`);
  }
  const chosen = { firstSchoolId: s.firstSchoolId, secondSchoolId: s.secondSchoolId };
  if (!s.sibling) return { ...edit, set: { ...chosen, sibling: null }, siblingIdNumber: null };

  const checked = checkIdNumber('resident', s.sibling.idNumber, s.today);
  if (!checked.ok) return fieldRefusal('sibling.idNumber', checked.message);
  if (s.siblingIsChild) return fieldRefusal('sibling.idNumber', '请填写兄姐的身份证号码，而不是孩子本人的');
  if (s.sibling.schoolId !== s.firstSchoolId && s.sibling.schoolId !== s.secondSchoolId) {
    return fieldRefusal('sibling.schoolId', '兄姐就读的学校须为所填报的两所学校之一');
  }
  return {
    ...edit,
    set: { ...chosen, sibling: { idMasked: maskIdNumber(checked.normalized), schoolId: s.sibling.schoolId, remark: s.sibling.remark } },
    siblingIdNumber: checked.normalized,
  };
}

/** A channel as the choice needs it: the entry and grades of its track. */
export interface ChannelFacts {
  channelId: string;
  trackId: string;
  entryId: string;
  gradeMin: number;
  gradeMax: number;
  /** A disabled channel is not offered; an application already in it keeps it. */
  enabled: boolean;
}

export interface ChannelState extends EditFacts {
  entryId: string;
  grade: number;
  /** The track of the channel chosen before, if any. */
  trackId: string | null;
  /** The channel asked for; null when it does not exist. */
  channel: ChannelFacts | null;
  /** The channel chosen before, if any. */
  channelId: string | null;
}

export interface ChannelChange extends EditChange {
  set: { channelId: string; trackId: string; firstSchoolId?: null; secondSchoolId?: null };
}

/** 报名通道: one of the entry's channels whose track takes the grade; another track's schools do not carry over. */
export function decideChannel(s: ChannelState): Refusal | ChannelChange {
  const edit = decideEdit(s);
  if (!edit.ok) return edit;
  if (!s.channel || s.channel.entryId !== s.entryId) return refuse('CHANNEL_NOT_FOUND', '该报名通道不属于此报名入口');
  if (!gradeInRange(s.grade, { gradeMin: s.channel.gradeMin, gradeMax: s.channel.gradeMax }))
    return refuse('CHANNEL_NOT_FOUND', '该报名通道不适用于所报年级');
  if (!s.channel.enabled && s.channel.channelId !== s.channelId) return refuse('CHANNEL_DISABLED', '该报名通道已停用，请选择其他通道');
  const trackChanged = s.trackId !== s.channel.trackId;
  return {
    ...edit,
    set: {
      channelId: s.channel.channelId,
      trackId: s.channel.trackId,
      ...(trackChanged ? { firstSchoolId: null, secondSchoolId: null } : {}),
    },
  };
}

import { type Refusal, refuse } from './application';
import { type ApplicationStatus, applicationStatuses } from './application-status';
import type { ChannelDocument, ChannelEligibility } from './catalog';

/** What an administrator edits of a channel (报名通道). */
export interface ChannelSettings {
  name: string;
  definition: string;
  eligibility: ChannelEligibility;
  documents: ChannelDocument[];
  enabled: boolean;
}

/** How many applications use a channel: any at all (drafts too), and how many of them have been submitted. */
export interface ChannelUsage {
  applications: number;
  submitted: number;
}

/** Applications under review whose system checks run again when a channel's cut-off or minimum months change. */
export const statusesRecheckedOnCriteriaChange: readonly ApplicationStatus[] = ['submitted', 'preliminarily_approved', 'school_approved'];

/** Applications that count as submitted for a channel: what the parents handed in stays as it was. */
export const submittedStatuses: readonly ApplicationStatus[] = applicationStatuses.filter((status) => status !== 'draft');

export const channelMessages = {
  changed: '该报名通道已被他人修改，请刷新后再试',
  unchanged: '报名通道没有变化',
  noDocuments: '请至少设置一项所需材料',
  duplicateKind: (kind: string) => `材料代码 ${kind} 重复`,
  loneAlternative: (group: string) => `任选其一的材料组「${group}」至少要有两项材料`,
  deleteInUse: (n: number) => `已有 ${n} 份报名使用该通道，不能删除；可改为停用，停用后不再向家长提供`,
  kindsInUse: (n: number) => `已有 ${n} 份报名按该通道提交，不能增删所需材料或修改材料代码；可修改材料名称、说明与条件，或新建通道`,
  checkInUse: (n: number) => `已有 ${n} 份报名按该通道提交，不能修改核验方式`,
  orderIncomplete: '请给出该组的全部报名通道',
} as const;

/** The days and months the system checks read, in words for reviewers and the audit log: `截止日期 2024-08-31 → 2024-09-15`. */
export function criteriaChanges(before: ChannelEligibility, after: ChannelEligibility): string[] {
  const changes: string[] = [];
  if ((before.before ?? null) !== (after.before ?? null)) changes.push(`截止日期 ${before.before ?? '无'} → ${after.before ?? '无'}`);
  if ((before.minInsuredMonths ?? null) !== (after.minInsuredMonths ?? null))
    changes.push(`最少参保月数 ${before.minInsuredMonths ?? '无'} → ${after.minInsuredMonths ?? '无'}`);
  return changes;
}

/** What reviewers read on an application whose checks ran again after the channel's criteria changed. */
export function criteriaNote(changes: readonly string[]): string {
  return `审核条件已调整：${changes.join('，')}，系统核验已重新进行`;
}

/** The documents' own rules: at least one, each kind once, an alternative group with at least two members. */
export function documentsRefusal(documents: readonly ChannelDocument[]): Refusal | null {
  if (documents.length === 0)
    return refuse('INVALID_INPUT', channelMessages.noDocuments, { fields: { documents: [channelMessages.noDocuments] } });
  const kinds = new Set<string>();
  for (const d of documents) {
    if (kinds.has(d.kind)) {
      const message = channelMessages.duplicateKind(d.kind);
      return refuse('INVALID_INPUT', message, { fields: { documents: [message] } });
    }
    kinds.add(d.kind);
  }
  const groups = new Map<string, number>();
  for (const d of documents) if (d.alternativeGroup) groups.set(d.alternativeGroup, (groups.get(d.alternativeGroup) ?? 0) + 1);
  for (const [group, members] of groups) {
    if (members < 2) {
      const message = channelMessages.loneAlternative(group);
      return refuse('INVALID_INPUT', message, { fields: { documents: [message] } });
    }
  }
  return null;
}

const kindsOf = (documents: readonly ChannelDocument[]) => [...new Set(documents.map((d) => d.kind))].sort().join('\n');

/** Whether a required document kind is added, removed or renamed (what parents uploaded is filed by kind). */
export function documentKindsChanged(before: readonly ChannelDocument[], after: readonly ChannelDocument[]): boolean {
  return kindsOf(before) !== kindsOf(after);
}

export interface ChannelUpdate {
  ok: true;
  set: ChannelSettings;
  before: ChannelSettings;
  after: ChannelSettings;
  /** The cut-off or the minimum months changed: these words go to reviewers, and the checks of the applications under review run again. */
  criteria: string[];
  /** Submissions must not have arrived since the usage was read (the kinds change only while none has). */
  kindsChanged: boolean;
}

const same = (a: ChannelSettings, b: ChannelSettings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An administrator changes a channel. Once parents have submitted in it, what they handed in must stay valid: the
 * document kinds (added, removed, a key changed) and the kind of check stay; names, notes, conditions, alternatives, the
 * definition, the cut-off date and the minimum months may change (a changed cut-off re-runs the checks). Nothing
 * changed is refused, so the audit log holds only changes.
 */
export function decideChannelUpdate(s: {
  current: ChannelSettings;
  proposed: ChannelSettings;
  usage: ChannelUsage;
}): Refusal | ChannelUpdate {
  const { current, proposed, usage } = s;
  const documents = documentsRefusal(proposed.documents);
  if (documents) return documents;
  if (same(current, proposed)) return refuse('INVALID_INPUT', channelMessages.unchanged);
  const kindsChanged = documentKindsChanged(current.documents, proposed.documents);
  if (usage.submitted > 0 && kindsChanged) {
    const message = channelMessages.kindsInUse(usage.submitted);
    return refuse('CHANNEL_IN_USE', message, { fields: { documents: [message] } });
  }
  if (usage.submitted > 0 && current.eligibility.check !== proposed.eligibility.check) {
    const message = channelMessages.checkInUse(usage.submitted);
    return refuse('CHANNEL_IN_USE', message, { fields: { check: [message] } });
  }
  return {
    ok: true,
    set: proposed,
    before: current,
    after: proposed,
    criteria: criteriaChanges(current.eligibility, proposed.eligibility),
    kindsChanged,
  };
}

/** A channel is deleted only while no application (not even a draft) uses it; otherwise it can be disabled. */
export function decideChannelDelete(usage: ChannelUsage): Refusal | { ok: true } {
  if (usage.applications > 0) return refuse('CHANNEL_IN_USE', channelMessages.deleteInUse(usage.applications));
  return { ok: true };
}

/** The new order of a track's channels: every channel of the track once, each at the version the administrator saw. */
export function decideChannelOrder(
  current: readonly { id: string; version: number; name: string }[],
  order: readonly { channelId: string; version: number }[],
):
  | Refusal
  | { ok: true; guard: { id: string; version: number }[]; sort: { id: string; sort: number }[]; before: string[]; after: string[] } {
  const ids = new Set(order.map((o) => o.channelId));
  if (ids.size !== order.length || ids.size !== current.length || current.some((c) => !ids.has(c.id)))
    return refuse('INVALID_INPUT', channelMessages.orderIncomplete);
  const byId = new Map(current.map((c) => [c.id, c]));
  if (order.some((o) => byId.get(o.channelId)!.version !== o.version)) return refuse('CHANNEL_CHANGED', channelMessages.changed);
  return {
    ok: true,
    guard: order.map((o) => ({ id: o.channelId, version: o.version })),
    sort: order.map((o, sort) => ({ id: o.channelId, sort })),
    before: current.map((c) => c.name),
    after: order.map((o) => byId.get(o.channelId)!.name),
  };
}

import { fieldLabels, missingFields } from './application-form';
import type { ChannelDocument, ChannelEligibility, EntryCode } from './catalog';
import { type DocumentSide, missingSides, sideNames, type UploadedSides } from './document-sides';
import { checkChannelClaims, missingDocuments } from './eligibility';

/** The step of the application journey where a missing item is put right. */
export type MissingStep = 'channel' | 'form' | 'documents' | 'schools';

/**
 * One thing still missing before an application can be submitted. Pages navigate by `step`, `field` and
 * `documentKind` only; `label` is the zh-CN text a parent reads (it may be reworded at any time).
 */
export interface MissingItem {
  step: MissingStep;
  /** The form field to fill (or whose claim fails the channel's cut-off). */
  field?: string;
  /** The document kind to upload (for a group of alternatives: the group). */
  documentKind?: string;
  /** For a two-sided document with one side on file: the side still to upload. */
  side?: DocumentSide;
  label: string;
}

/** The proofs of 兄姐同校 (sibling priority), uploaded with the school choices. */
export const siblingDocuments = [
  { kind: 'sibling-hukou', name: '兄姐户口页（能体现亲兄弟姐妹关系）' },
  { kind: 'sibling-student-record', name: '兄姐学籍卡' },
] as const;

export interface CompletenessInput {
  entry: EntryCode;
  channel: { code: string; eligibility: ChannelEligibility; documents: readonly ChannelDocument[] } | null;
  form: Record<string, unknown>;
  firstSchoolId: string | null;
  secondSchoolId: string | null;
  /** Whether the parent claims sibling priority. */
  sibling: boolean;
}

/**
 * Everything still missing before the application can be submitted. `uploaded` = the document kinds on file, `sides`
 * what the files of each kind show (an ID card is complete with 正面 and 反面, or one file of both).
 */
export function whatIsMissing(application: CompletenessInput, uploaded: ReadonlySet<string>, sides: UploadedSides): MissingItem[] {
  const { channel, form } = application;
  if (!channel) return [{ step: 'channel', label: '报名通道' }];
  const missing: MissingItem[] = missingFields({ entry: application.entry, channel: channel.code }, form).map((field) => ({
    step: 'form',
    field,
    label: fieldLabels[field],
  }));
  for (const [field, message] of Object.entries(checkChannelClaims(channel.eligibility, form))) {
    missing.push({ step: 'form', field, label: message });
  }
  if (!application.firstSchoolId || !application.secondSchoolId) missing.push({ step: 'schools', field: 'schools', label: '两所志愿学校' });
  const hukouShowsRelation = typeof form.hukouShowsRelation === 'boolean' ? form.hukouShowsRelation : null;
  for (const doc of missingDocuments(channel.documents, uploaded, { hukouShowsRelation })) {
    missing.push({ step: 'documents', documentKind: doc.kind, label: `材料：${doc.name}` });
  }
  for (const doc of missingSides(channel.documents, sides)) {
    missing.push({ step: 'documents', documentKind: doc.kind, side: doc.side, label: `材料：${doc.name}${sideNames[doc.side]}` });
  }
  if (application.sibling) {
    for (const doc of siblingDocuments) {
      if (!uploaded.has(doc.kind)) missing.push({ step: 'schools', documentKind: doc.kind, label: `材料：${doc.name}` });
    }
  }
  return missing;
}

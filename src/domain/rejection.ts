import { fieldLabels, formFields, maskedForm, secretFields } from './application-form';
import { siblingDocuments } from './application-missing';
import type { ChannelDocument, EntryCode } from './catalog';

/**
 * What a reviewer marks when rejecting: the form fields and document kinds at fault, so the parent is shown exactly
 * what to put right and the step concerned opens first.
 */
export interface RejectionFaults {
  fields: string[];
  documents: string[];
}

export interface RejectedDocument {
  id: string;
  kind: string;
  side: string | null;
  sha256: string | null;
}

/** The application as it stood when rejected: after a resubmission reviewers see what changed since. */
export interface RejectedState {
  channelId: string | null;
  /** The form with ID numbers masked. */
  form: Record<string, unknown>;
  /** The sealed ciphertext of each ID number field: a retyped number shows as changed even where the mask is equal. */
  seals?: Record<string, string>;
  community: string | null;
  firstSchoolId: string | null;
  secondSchoolId: string | null;
  documents: RejectedDocument[];
}

/** The last rejection of an application; kept after the parent resubmits. */
export interface RejectionRecord {
  at: string;
  reason: string;
  faults: RejectionFaults;
  before: RejectedState;
}

/** The application as stored, as far as a rejection records it. */
export interface ApplicationSnapshot {
  channelId: string | null;
  form: Record<string, unknown>;
  community: string | null;
  firstSchoolId: string | null;
  secondSchoolId: string | null;
  documents: readonly RejectedDocument[];
}

export const noFaults: RejectionFaults = { fields: [], documents: [] };

/** What a reviewer may mark at fault: the fields the channel's form shows, the documents it asks for (and the sibling proofs). */
export interface FaultChoices {
  fields: { field: string; label: string }[];
  documents: { kind: string; name: string }[];
}

export function faultChoices(
  entry: EntryCode,
  channel: { code: string; documents: readonly ChannelDocument[] } | null,
  form: Record<string, unknown>,
  sibling: boolean,
): FaultChoices {
  if (!channel) return { fields: [], documents: [] };
  const documents = channel.documents.map((d) => ({ kind: d.kind, name: d.name }));
  if (sibling) documents.push(...siblingDocuments.map((d) => ({ kind: d.kind, name: d.name })));
  return {
    fields: formFields({ entry, channel: channel.code }, form).map((field) => ({ field, label: fieldLabels[field] })),
    documents: documents.filter((d, i) => documents.findIndex((o) => o.kind === d.kind) === i),
  };
}

/**
 * The faults a reviewer marked, refused unless each is one of the application's own fields or documents: the zh-CN
 * message names what does not belong. Duplicates are dropped.
 */
export function checkFaults(
  faults: RejectionFaults,
  choices: FaultChoices,
): { ok: true; faults: RejectionFaults } | { ok: false; message: string; fields: Record<string, string[]> } {
  const fields = [...new Set(faults.fields)];
  const documents = [...new Set(faults.documents)];
  const strayFields = fields.filter((f) => !choices.fields.some((c) => c.field === f));
  const strayDocuments = documents.filter((k) => !choices.documents.some((c) => c.kind === k));
  if (strayFields.length || strayDocuments.length) {
    const message = strayFields.length ? '所选的问题项不属于该报名的表单' : '所选的问题材料不属于该报名所需的材料';
    return {
      ok: false,
      message,
      fields: {
        ...(strayFields.length ? { 'faults.fields': [message] } : {}),
        ...(strayDocuments.length ? { 'faults.documents': ['所选的问题材料不属于该报名所需的材料'] } : {}),
      },
    };
  }
  return { ok: true, faults: { fields, documents } };
}

/** The application as it stood when rejected: the form masked, each ID number's seal kept to tell a retyped one. */
export function rejectedState(s: ApplicationSnapshot): RejectedState {
  const seals: Record<string, string> = {};
  for (const field of secretFields) {
    const value = s.form[field] as { sealed?: unknown } | undefined;
    if (value && typeof value === 'object' && typeof value.sealed === 'string') seals[field] = value.sealed;
  }
  return {
    channelId: s.channelId,
    form: maskedForm(s.form),
    seals,
    community: s.community,
    firstSchoolId: s.firstSchoolId,
    secondSchoolId: s.secondSchoolId,
    documents: s.documents.map((d) => ({ id: d.id, kind: d.kind, side: d.side, sha256: d.sha256 })),
  };
}

export type FixStep = 'channel' | 'form' | 'documents' | 'schools';

const siblingKinds: readonly string[] = siblingDocuments.map((d) => d.kind);

/** The edit step a rejection's faults concern first (in the journey's order); with none marked, the first step. */
export function fixStep(faults: RejectionFaults | null | undefined): FixStep {
  if (!faults) return 'channel';
  if (faults.fields.length) return 'form';
  if (faults.documents.some((k) => !siblingKinds.includes(k))) return 'documents';
  if (faults.documents.length) return 'schools';
  return 'channel';
}

export interface FieldChange {
  field: string;
  /** Masked values. */
  before: unknown;
  after: unknown;
}

export interface DocumentChanges {
  added: RejectedDocument[];
  removed: RejectedDocument[];
  /** A kind (and side) whose files were taken away and others uploaded; `sameFile` when the new bytes are the old ones. */
  replaced: { kind: string; side: string | null; before: RejectedDocument[]; after: RejectedDocument[]; sameFile: boolean }[];
}

export interface ChangesSinceRejection {
  channelChanged: boolean;
  communityChanged: boolean;
  schoolsChanged: boolean;
  fields: FieldChange[];
  documents: DocumentChanges;
  /** Nothing at all was changed before resubmitting. */
  none: boolean;
}

const empty = (v: unknown) => v === undefined || v === null || v === '';
const same = (a: unknown, b: unknown) => (empty(a) && empty(b)) || JSON.stringify(a) === JSON.stringify(b);
const slot = (d: RejectedDocument) => `${d.kind}\u0000${d.side ?? ''}`;

/** What the parent changed between the rejection and now: fields (masked), documents, channel, community, schools. */
export function changesSinceRejection(before: RejectedState, now: RejectedState): ChangesSinceRejection {
  const keys = [...new Set([...Object.keys(before.form), ...Object.keys(now.form)])];
  const fields = keys
    .filter((k) => !same(before.form[k], now.form[k]) || (before.seals?.[k] ?? null) !== (now.seals?.[k] ?? null))
    .map((field) => ({ field, before: before.form[field] ?? null, after: now.form[field] ?? null }));

  const kept = new Set(now.documents.map((d) => d.id));
  const had = new Set(before.documents.map((d) => d.id));
  const gone = before.documents.filter((d) => !kept.has(d.id));
  const fresh = now.documents.filter((d) => !had.has(d.id));
  const replacedSlots = [...new Set(gone.map(slot))].filter((s) => fresh.some((d) => slot(d) === s));
  const replaced = replacedSlots.map((s) => {
    const was = gone.filter((d) => slot(d) === s);
    const is = fresh.filter((d) => slot(d) === s);
    const hashes = (list: RejectedDocument[]) =>
      list
        .map((d) => d.sha256 ?? `?${d.id}`)
        .sort()
        .join(',');
    return { kind: was[0]!.kind, side: was[0]!.side, before: was, after: is, sameFile: hashes(was) === hashes(is) };
  });
  const documents = {
    added: fresh.filter((d) => !replacedSlots.includes(slot(d))),
    removed: gone.filter((d) => !replacedSlots.includes(slot(d))),
    replaced,
  };
  const channelChanged = before.channelId !== now.channelId;
  const communityChanged = (before.community ?? null) !== (now.community ?? null);
  const schoolsChanged = before.firstSchoolId !== now.firstSchoolId || before.secondSchoolId !== now.secondSchoolId;
  return {
    channelChanged,
    communityChanged,
    schoolsChanged,
    fields,
    documents,
    none:
      !channelChanged &&
      !communityChanged &&
      !schoolsChanged &&
      fields.length === 0 &&
      documents.added.length + documents.removed.length + replaced.length === 0,
  };
}

/** Two or more documents of one application that are the same file. */
export function duplicateFiles(docs: readonly { id: string; sha256: string | null }[]): string[][] {
  const byHash = new Map<string, string[]>();
  for (const d of docs) if (d.sha256) byHash.set(d.sha256, [...(byHash.get(d.sha256) ?? []), d.id]);
  return [...byHash.values()].filter((ids) => ids.length > 1);
}

import { maxDocumentsPerKind } from '../file-types';

/** The kind a document filed with an objection carries (异议材料). */
export const objectionDocumentKind = 'objection';

/** At most this many files with one objection, as for one kind of an application's documents. */
export const maxObjectionDocuments = maxDocumentsPerKind;

export const objectionDocumentMessages = {
  decided: '异议已处理，不能再补充材料',
  publicityOver: '公示期已结束，不能再补充异议材料',
  tooMany: `异议材料最多上传${maxObjectionDocuments}个文件`,
} as const;

export interface ObjectionDocumentFacts {
  status: 'open' | 'upheld' | 'dismissed';
  /** When 公示 ends (null: never opened). */
  publicityEndsAt: Date | null;
  /** Files already filed with the objection. */
  filed: number;
}

/**
 * Why a family may not add a file to its objection now, or null: only while the objection is open and 公示 runs, up
 * to `maxObjectionDocuments` files.
 */
export function objectionDocumentRefusal(
  facts: ObjectionDocumentFacts,
  now: Date,
): { code: 'OBJECTION_DOCUMENTS_CLOSED' | 'DOCUMENT_LIMIT'; message: string } | null {
  if (facts.status !== 'open') return { code: 'OBJECTION_DOCUMENTS_CLOSED', message: objectionDocumentMessages.decided };
  if (!facts.publicityEndsAt || facts.publicityEndsAt.getTime() <= now.getTime()) {
    return { code: 'OBJECTION_DOCUMENTS_CLOSED', message: objectionDocumentMessages.publicityOver };
  }
  if (facts.filed >= maxObjectionDocuments) return { code: 'DOCUMENT_LIMIT', message: objectionDocumentMessages.tooMany };
  return null;
}

import type { ChannelDocument } from './catalog';

/** The two faces of a card such as a 居民身份证: each is photographed and uploaded on its own. */
export const documentSides = ['front', 'back'] as const;
export type DocumentSide = (typeof documentSides)[number];

export const sideNames: Record<DocumentSide, string> = { front: '正面', back: '反面' };

/**
 * What the files of each kind show: 正面, 反面, or `both` — a file uploaded without a side, such as a photocopy with
 * both faces on one page (and every file uploaded before cards had sides).
 */
export type UploadedSides = ReadonlyMap<string, ReadonlySet<DocumentSide | 'both'>>;

export function uploadedSides(files: readonly { kind: string; side: DocumentSide | null }[]): UploadedSides {
  const sides = new Map<string, Set<DocumentSide | 'both'>>();
  for (const file of files) sides.set(file.kind, (sides.get(file.kind) ?? new Set()).add(file.side ?? 'both'));
  return sides;
}

/** Why a file's side does not fit its kind, or null: only a two-sided document has sides. */
export function sideRefusal(document: Pick<ChannelDocument, 'twoSided'> | undefined, side: DocumentSide | null): string | null {
  return side && !document?.twoSided ? '这类材料不分正反面' : null;
}

/**
 * The sides still missing of each two-sided document that has a file: a card is complete with its 正面 and its
 * 反面, or with one file showing both. A document with no file at all is missing as a whole (`missingDocuments`).
 */
export function missingSides(
  documents: readonly ChannelDocument[],
  sides: UploadedSides,
): { kind: string; name: string; side: DocumentSide }[] {
  const missing: { kind: string; name: string; side: DocumentSide }[] = [];
  for (const doc of documents) {
    const onFile = sides.get(doc.kind);
    if (!doc.twoSided || !onFile || onFile.has('both')) continue;
    for (const side of documentSides) if (!onFile.has(side)) missing.push({ kind: doc.kind, name: doc.name, side });
  }
  return missing;
}

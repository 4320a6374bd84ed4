/** Catalog vocabulary shared by the seed, the database columns and the API. Pure types and constants. */

export const levels = ['primary', 'junior'] as const;
export type Level = (typeof levels)[number];

export const entryCodes = ['grade1', 'grade7', 'transfer'] as const;
export type EntryCode = (typeof entryCodes)[number];

export const pageSlugs = ['policy', 'manual', 'faq', 'declaration'] as const;
export type PageSlug = (typeof pageSlugs)[number];

/**
 * What the records must show for a channel (系统可查验) and whether paper proof is checked by hand.
 * Dates are calendar dates in China time, `YYYY-MM-DD`; "before" is strict: the record date must be earlier.
 */
export interface ChannelEligibility {
  check: 'hukou' | 'public_servant' | 'military' | 'property' | 'business' | 'pension' | 'park_enterprise' | 'other';
  /** The record (hukou registration, licence, first pension payment) must be dated before this day. */
  before?: string;
  /** Minimum months of continuous pension insurance. */
  minInsuredMonths?: number;
  /** Can the authority records confirm it (系统可查验)? */
  verifiable: boolean;
  /** Proof that only a reviewer can judge from the uploaded papers (certificates, park letters). */
  manualProof: boolean;
}

/**
 * A document a channel asks for. Documents sharing an `alternativeGroup` are alternatives: one of them is enough.
 * `condition: 'hukou_lacks_relation'` means only needed when the hukou booklet does not show the parent–child relation.
 * `twoSided`: a card (身份证) uploaded as 正面 and 反面, complete only with both.
 */
export interface ChannelDocument {
  kind: string;
  name: string;
  note?: string;
  alternativeGroup?: string;
  condition?: 'hukou_lacks_relation';
  twoSided?: boolean;
}

/**
 * A channel's name as parents and staff read it: with its group (track) where the group is not the entry itself, so
 * 县城小学毕业生 · 县城区常住户籍学生 and 非县城小学毕业生 · 县城区常住户籍学生 are told apart.
 */
export function channelLabel(names: { entry: string; track: string | null | undefined; channel: string }): string {
  return names.track && names.track !== names.entry ? `${names.track} · ${names.channel}` : names.channel;
}

/** Who the seed's changes to the catalog are by (no staff account): its import of the demo towns' schools. */
export const seedActor = { staffId: null, username: 'seed' } as const;

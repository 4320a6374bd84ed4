import type { ChannelDocument, ChannelEligibility, Level } from './catalog';

/**
 * Grade 1: the child must have reached six full years by 31 August of the season's year, i.e. be born on or before
 * 31 August six years earlier (a child born on 1 September waits a year).
 */
export function oldEnoughForGrade1(birthDate: string, seasonYear: number): boolean {
  return birthDate <= `${seasonYear - 6}-08-31`;
}

export function gradeInRange(grade: number, range: { gradeMin: number; gradeMax: number }): boolean {
  return Number.isInteger(grade) && grade >= range.gradeMin && grade <= range.gradeMax;
}

export const gradeNames: Record<number, string> = {
  1: '一年级',
  2: '二年级',
  3: '三年级',
  4: '四年级',
  5: '五年级',
  6: '六年级',
  7: '七年级',
  8: '八年级',
  9: '九年级',
};

export const levelNames: Record<Level, string> = { primary: '小学', junior: '初中' };

/** `2024-03-01` → `2024年3月1日` */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * What the parent claims for the channel, checked against the channel's cut-offs (guide 一): hukou obtained before
 * 2024-03-01; licence or pension insurance since before 2023-09-01 and at least 12 months of it. Returns field
 * messages; the authority records confirm the claims later (系统可查验).
 */
export function checkChannelClaims(eligibility: ChannelEligibility, claims: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  const before = eligibility.before;
  const dateBefore = (field: string, what: string) => {
    const value = claims[field];
    if (typeof value === 'string' && before && value >= before) {
      errors[field] = `${what}须早于${chineseDate(before)}，不符合本通道条件`;
    }
  };
  switch (eligibility.check) {
    case 'hukou':
      dateBefore('hukouRegisteredOn', '户口取得时间');
      break;
    case 'business':
      if (claims.businessProof !== 'park') dateBefore('licenceIssuedOn', '营业执照取得时间');
      break;
    case 'pension': {
      dateBefore('pensionSince', '养老保险参保时间');
      const months = claims.pensionMonths;
      if (typeof months === 'number' && eligibility.minInsuredMonths && months < eligibility.minInsuredMonths) {
        errors.pensionMonths = `须连续缴纳养老保险满${eligibility.minInsuredMonths}个月`;
      }
      break;
    }
    default:
      break;
  }
  return errors;
}

/**
 * The documents still missing: every unconditional one, one of each group of alternatives, and the birth
 * certificate when the hukou booklet does not show the parent–child relation. `uploaded` = document kinds on file.
 */
export function missingDocuments(
  documents: readonly ChannelDocument[],
  uploaded: ReadonlySet<string>,
  answers: { hukouShowsRelation?: boolean | null; chosenAlternatives?: Record<string, string> },
): { kind: string; name: string }[] {
  const missing: { kind: string; name: string }[] = [];
  const groups = new Map<string, ChannelDocument[]>();
  for (const doc of documents) {
    if (doc.alternativeGroup) {
      groups.set(doc.alternativeGroup, [...(groups.get(doc.alternativeGroup) ?? []), doc]);
      continue;
    }
    if (doc.condition === 'hukou_lacks_relation' && answers.hukouShowsRelation !== false) continue;
    if (!uploaded.has(doc.kind)) missing.push({ kind: doc.kind, name: doc.name });
  }
  for (const [group, alternatives] of groups) {
    if (alternatives.some((d) => uploaded.has(d.kind))) continue;
    missing.push({ kind: group, name: `${alternatives.map((d) => d.name).join('、')}（任选其一）` });
  }
  return missing;
}

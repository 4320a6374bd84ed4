/** A school in the placement: its code and the seats (计划学位) it offers; 0 is allowed. */
export interface PlacementSchool {
  code: string;
  seats: number;
}

/** One choice of an application: the school's code and the application's tier there (1 is best). */
export interface PlacementChoice {
  school: string;
  tier: number;
}

/** An approved application as the placement sees it: its number and one or two choices, first choice first. */
export interface PlacementApplicant {
  number: string;
  choices: readonly PlacementChoice[];
}

export interface PlacementInput {
  schools: readonly PlacementSchool[];
  applicants: readonly PlacementApplicant[];
}

/** `da`: student-proposing deferred acceptance; `ia`: 志愿优先 (immediate acceptance, first choice first). */
export type Mechanism = 'da' | 'ia';
export const mechanisms: readonly Mechanism[] = ['da', 'ia'];

export const maxChoices = 2;

/** What is wrong with an input, in zh-CN, or null when the placement can run on it. */
export function placementInputProblem(input: PlacementInput): string | null {
  const schools = new Set<string>();
  for (const school of input.schools) {
    if (schools.has(school.code)) return `学校代码重复：${school.code}`;
    schools.add(school.code);
    if (!Number.isSafeInteger(school.seats) || school.seats < 0) return `学校 ${school.code} 的学位数须为非负整数`;
  }
  const numbers = new Set<string>();
  for (const applicant of input.applicants) {
    if (applicant.number === '') return '申请编号不能为空';
    if (numbers.has(applicant.number)) return `申请编号重复：${applicant.number}`;
    numbers.add(applicant.number);
    const { choices } = applicant;
    if (choices.length < 1 || choices.length > maxChoices) return `申请 ${applicant.number} 须有 1 到 ${maxChoices} 个志愿`;
    if (new Set(choices.map((c) => c.school)).size !== choices.length) return `申请 ${applicant.number} 的志愿学校重复`;
    for (const choice of choices) {
      if (!schools.has(choice.school)) return `申请 ${applicant.number} 的志愿学校不在名单中：${choice.school}`;
      if (!Number.isSafeInteger(choice.tier) || choice.tier < 1 || choice.tier > 99)
        return `申请 ${applicant.number} 的顺位须为 1 到 99 的整数`;
    }
  }
  return null;
}

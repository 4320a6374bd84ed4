import { maxChoices } from './input';
import type { Assignment, PreparedPlacement } from './prepared';
import type { ApplicantOutcome, Cutoff, SchoolOutcome, TierCount } from './result';

export function applicantOutcomes(p: PreparedPlacement, lottery: ReadonlyMap<string, string>, a: Assignment): ApplicantOutcome[] {
  return p.applicants.map((applicant, i) => ({
    number: applicant.number,
    lottery: lottery.get(applicant.number)!,
    placed: a.placedAt[i] === -1 ? null : p.schools[a.placedAt[i]!]!.code,
    choices: applicant.choices.map((choice, k) => ({ school: choice.school, tier: choice.tier, reached: k < a.reached[i]! })),
  }));
}

export function schoolOutcomes(p: PreparedPlacement, applicants: readonly ApplicantOutcome[], a: Assignment): SchoolOutcome[] {
  const tiers = p.schools.map(() => new Map<number, TierCount>());
  const admitted = new Int32Array(p.schools.length);
  const unplaced = new Int32Array(p.schools.length);
  const last: Array<{ key: number; cutoff: Cutoff } | null> = p.schools.map(() => null);

  applicants.forEach((applicant, i) => {
    applicant.choices.forEach((choice, k) => {
      const school = p.choiceSchool[i * maxChoices + k]!;
      const count = tiers[school]!.get(choice.tier) ?? { tier: choice.tier, firstChoice: 0, secondChoice: 0 };
      if (k === 0) count.firstChoice++;
      else count.secondChoice++;
      tiers[school]!.set(choice.tier, count);
      if (a.placedAt[i] === -1) unplaced[school]!++;
    });
    const school = a.placedAt[i]!;
    if (school === -1) return;
    admitted[school]!++;
    const k = applicant.choices.findIndex((c) => c.school === applicant.placed);
    const key = p.choiceKey[i * maxChoices + k]!;
    if (!last[school] || key > last[school].key)
      last[school] = { key, cutoff: { tier: applicant.choices[k]!.tier, lottery: applicant.lottery } };
  });

  return p.schools.map((school, s) => ({
    code: school.code,
    seats: school.seats,
    applicantsPerTier: [...tiers[s]!.values()].sort((x, y) => x.tier - y.tier),
    admitted: admitted[s]!,
    cutoff: admitted[s]! > 0 && admitted[s] === school.seats ? last[s]!.cutoff : null,
    unplaced: unplaced[s]!,
  }));
}

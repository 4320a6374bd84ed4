import { maxChoices, type PlacementApplicant, type PlacementInput, type PlacementSchool } from './input';
import { byCodeUnits } from './code-unit-order';

/**
 * The input as arrays the mechanisms run on: applicants sorted by number, schools by code, so that the order of the
 * input never matters. Choice k of applicant i sits at `i * maxChoices + k`. A choice's key ranks the application at
 * that school: tier first, then lottery position (single tie-breaking: one position per application); lower is better.
 */
export interface PreparedPlacement {
  applicants: PlacementApplicant[];
  schools: PlacementSchool[];
  seats: Int32Array;
  choiceCount: Uint8Array;
  choiceSchool: Int32Array;
  choiceKey: Float64Array;
}

/** What a mechanism decides: each applicant's school index (−1: unplaced) and how many of its choices were reached. */
export interface Assignment {
  placedAt: Int32Array;
  reached: Uint8Array;
}

export function prepare(input: PlacementInput, lottery: ReadonlyMap<string, string>): PreparedPlacement {
  const applicants = [...input.applicants].sort((a, b) => byCodeUnits(a.number, b.number));
  const schools = [...input.schools].sort((a, b) => byCodeUnits(a.code, b.code));
  const schoolIndex = new Map(schools.map((s, i) => [s.code, i]));
  const lotteryOf = (a: PlacementApplicant) => {
    const number = lottery.get(a.number);
    if (number === undefined) throw new Error(`no lottery number for ${a.number}`);
    return number;
  };
  const numbers = applicants.map(lotteryOf);
  const byLottery = applicants.map((_, i) => i).sort((a, b) => byCodeUnits(numbers[a]!, numbers[b]!) || a - b);
  const position = new Int32Array(applicants.length);
  byLottery.forEach((applicant, rank) => {
    position[applicant] = rank;
  });

  const n = applicants.length;
  const choiceCount = new Uint8Array(n);
  const choiceSchool = new Int32Array(n * maxChoices).fill(-1);
  const choiceKey = new Float64Array(n * maxChoices);
  applicants.forEach((applicant, i) => {
    choiceCount[i] = applicant.choices.length;
    applicant.choices.forEach((choice, k) => {
      choiceSchool[i * maxChoices + k] = schoolIndex.get(choice.school)!;
      choiceKey[i * maxChoices + k] = choice.tier * n + position[i]!;
    });
  });
  return { applicants, schools, seats: Int32Array.from(schools, (s) => s.seats), choiceCount, choiceSchool, choiceKey };
}

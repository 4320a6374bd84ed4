import { deferredAcceptance } from './deferred-acceptance';
import { immediateAcceptance } from './immediate-acceptance';
import { type Mechanism, type PlacementInput, placementInputProblem } from './input';
import { lotteryNumbers } from './lottery';
import { applicantOutcomes, schoolOutcomes } from './outcome';
import { prepare } from './prepared';
import type { PlacementResult } from './result';

/** The placement given every application's lottery number (see `lotteryNumbers`); the same input in any order gives the same result. */
export function place(input: PlacementInput, lottery: ReadonlyMap<string, string>, mechanism: Mechanism): PlacementResult {
  const problem = placementInputProblem(input);
  if (problem) throw new Error(problem);
  const prepared = prepare(input, lottery);
  const assignment = mechanism === 'da' ? deferredAcceptance(prepared) : immediateAcceptance(prepared);
  const applicants = applicantOutcomes(prepared, lottery, assignment);
  return {
    mechanism,
    applicants,
    schools: schoolOutcomes(prepared, applicants, assignment),
    unplaced: applicants.filter((a) => a.placed === null).length,
  };
}

/** The lottery numbers drawn from the seed, then the placement. */
export function placeWithSeed(input: PlacementInput, seed: string, mechanism: Mechanism): PlacementResult {
  return place(
    input,
    lotteryNumbers(
      seed,
      input.applicants.map((a) => a.number),
    ),
    mechanism,
  );
}

import type { PlacementResult } from './result';

/** One application placed differently by the two mechanisms. */
export interface PlacedDifferently {
  number: string;
  deferredAcceptance: string | null;
  immediateAcceptance: string | null;
}

/** What 志愿优先 changes against deferred acceptance on the same input and seed, for the dry-run page. */
export interface SideBySide {
  unplaced: { deferredAcceptance: number; immediateAcceptance: number };
  /** Placed at a choice they listed earlier under deferred acceptance than under 志愿优先, or placed only by it. */
  betterUnderDeferredAcceptance: number;
  betterUnderImmediateAcceptance: number;
  placedDifferently: PlacedDifferently[];
}

export function sideBySide(da: PlacementResult, ia: PlacementResult): SideBySide {
  const iaPlaced = new Map(ia.applicants.map((a) => [a.number, a.placed]));
  const placedDifferently: PlacedDifferently[] = [];
  let betterUnderDeferredAcceptance = 0;
  let betterUnderImmediateAcceptance = 0;
  for (const applicant of da.applicants) {
    const underIa = iaPlaced.get(applicant.number) ?? null;
    if (underIa === applicant.placed) continue;
    placedDifferently.push({ number: applicant.number, deferredAcceptance: applicant.placed, immediateAcceptance: underIa });
    const rank = (school: string | null) => {
      const at = applicant.choices.findIndex((c) => c.school === school);
      return at === -1 ? applicant.choices.length : at;
    };
    if (rank(applicant.placed) < rank(underIa)) betterUnderDeferredAcceptance++;
    else betterUnderImmediateAcceptance++;
  }
  return {
    unplaced: { deferredAcceptance: da.unplaced, immediateAcceptance: ia.unplaced },
    betterUnderDeferredAcceptance,
    betterUnderImmediateAcceptance,
    placedDifferently,
  };
}

import type { Mechanism } from './input';

export interface ChoiceOutcome {
  school: string;
  tier: number;
  /** The school considered this application: always for the first choice, for the second only if the first did not keep it. */
  reached: boolean;
}

export interface ApplicantOutcome {
  number: string;
  lottery: string;
  /** The school's code, or null: 统筹安排. */
  placed: string | null;
  choices: ChoiceOutcome[];
}

/** How many applications named the school, at one tier, as first and as second choice. */
export interface TierCount {
  tier: number;
  firstChoice: number;
  secondChoice: number;
}

/** The last application a full school admitted: its tier there and its lottery number. */
export interface Cutoff {
  tier: number;
  lottery: string;
}

export interface SchoolOutcome {
  code: string;
  seats: number;
  applicantsPerTier: TierCount[];
  admitted: number;
  /** Null when the school is not full (or has no seats). */
  cutoff: Cutoff | null;
  /** Applications that named this school and were placed nowhere (统筹安排). */
  unplaced: number;
}

/** Applicants sorted by number and schools by code (code-unit order), so equal inputs give equal results. */
export interface PlacementResult {
  mechanism: Mechanism;
  applicants: ApplicantOutcome[];
  schools: SchoolOutcome[];
  unplaced: number;
}

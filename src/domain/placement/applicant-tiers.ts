import type { PlacementApplicant } from './input';
import { type TierTable, tierOf } from './tiers';

/** An approved application as loaded: its number, channel, and for each choice the school and what holds there. */
export interface ApprovedApplication {
  number: string;
  channel: string;
  choices: ReadonlyArray<{ school: string; inCatchment: boolean; sibling: boolean }>;
}

/** The application as the placement sees it: its tier at each of its choices under the season's table. */
export function placementApplicantOf(table: TierTable, application: ApprovedApplication): PlacementApplicant {
  return {
    number: application.number,
    choices: application.choices.map((choice) => ({
      school: choice.school,
      tier: tierOf(table, { channel: application.channel, inCatchment: choice.inCatchment, sibling: choice.sibling }),
    })),
  };
}

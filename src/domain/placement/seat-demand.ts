/** 学位预警: how a school's first-choice applications compare with its places. */
export type DemandLevel = 'green' | 'amber' | 'red';

/** Green below 80 % of the places, amber up to them, red beyond (a school without places is red once anyone names it). */
export function demandLevel(firstChoices: number, seats: number): DemandLevel {
  if (seats <= 0) return firstChoices > 0 ? 'red' : 'green';
  const ratio = firstChoices / seats;
  if (ratio > 1) return 'red';
  return ratio >= 0.8 ? 'amber' : 'green';
}

export const demandNoticeLimit = 200;

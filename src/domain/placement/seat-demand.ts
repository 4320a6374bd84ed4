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

/**
 * The entry-and-grade columns of a season whose 学位预警 a member may look at: every column, or for a school reviewer
 * only those where their school has places (`ownPlaces`: their school's entry and grade with places; null: all).
 */
export function demandColumnsFor<C extends { entryId: string; grade: number }>(
  columns: readonly C[],
  ownPlaces: readonly { entryId: string; grade: number; places: number }[] | null,
): C[] {
  if (!ownPlaces) return [...columns];
  return columns.filter((c) => ownPlaces.some((p) => p.entryId === c.entryId && p.grade === c.grade && p.places > 0));
}

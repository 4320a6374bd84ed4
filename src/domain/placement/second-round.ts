import type { PlacementApplicant, PlacementInput, PlacementSchool } from './input';

/** One application's round-1 placement as the second round reads it, once 确认入学 has closed. */
export interface RoundOneRow {
  number: string;
  /** The school (code) the application holds now: placed by the draw, by 统筹安排 or by an upheld objection; null: none. */
  school: string | null;
  /** The school (code) the draw itself placed it at, as its published result file says; null: none. */
  drawPlaced: string | null;
  confirmation: 'confirmed' | 'declined' | 'lapsed' | null;
  /** The family gave up its seat and asked to take part in the second round. */
  secondRoundRequested: boolean;
  /** Its choices with its tier at each, first choice first, as in the round-1 input. */
  choices: readonly { school: string; tier: number }[];
}

/**
 * Whether a round-1 seat is still held after the confirmation deadline: confirmed, or given by 统筹安排 or an objection
 * (a seat the family may have had no time to answer for). A seat the draw gave that was declined, or left unanswered
 * by the deadline, is given up.
 */
export function seatHeld(row: RoundOneRow): boolean {
  if (row.school === null || row.confirmation === 'declined' || row.confirmation === 'lapsed') return false;
  return row.confirmation === 'confirmed' || row.school !== row.drawPlaced;
}

/**
 * The second round's input from round 1: each school's seats are its 计划学位 less the seats still held; the
 * participants are the applications left unplaced (not since placed by 统筹安排) and the families who gave up their
 * seat and asked for it, each with its round-1 choices and tiers, less the school it gave up. A participant with no
 * choice left (it gave up its only choice) cannot be placed and is listed apart; so are the seats from the draw left
 * unanswered (`lapsed`, to be marked given up).
 */
export function secondRoundInput(schools: readonly PlacementSchool[], rows: readonly RoundOneRow[]) {
  const held = new Map<string, number>();
  for (const row of rows) if (seatHeld(row)) held.set(row.school!, (held.get(row.school!) ?? 0) + 1);
  const applicants: PlacementApplicant[] = [];
  const withoutChoice: string[] = [];
  for (const row of rows) {
    const unplaced = row.school === null;
    const asked = row.confirmation === 'declined' && row.secondRoundRequested;
    if (!unplaced && !asked) continue;
    const choices = row.choices.filter((c) => c.school !== row.school).map(({ school, tier }) => ({ school, tier }));
    if (choices.length === 0) withoutChoice.push(row.number);
    else applicants.push({ number: row.number, choices });
  }
  const lapsed = rows.filter((r) => r.school !== null && r.confirmation === null && !seatHeld(r)).map((r) => r.number);
  const input: PlacementInput = {
    schools: schools.map((s) => ({ code: s.code, seats: Math.max(0, s.seats - (held.get(s.code) ?? 0)) })),
    applicants,
  };
  return { input, held, withoutChoice, lapsed };
}

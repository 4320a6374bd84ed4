import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlacementInput } from '../../src/domain/placement/input';
import { place, placeWithSeed } from '../../src/domain/placement/place';
import type { PlacementResult } from '../../src/domain/placement/result';

const schoolCodes = ['A', 'B', 'C', 'D', 'E'];

/** Up to five schools with 0–4 seats, up to 30 applications with one or two distinct choices at tiers 1–6, and a lottery. */
const scenario = fc
  .record({
    seats: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: schoolCodes.length }),
    applicants: fc.array(
      fc.record({
        choices: fc.uniqueArray(fc.record({ pick: fc.nat(), tier: fc.integer({ min: 1, max: 6 }) }), {
          minLength: 1,
          maxLength: 2,
          selector: (c) => c.pick % schoolCodes.length,
        }),
        lottery: fc.bigInt({ min: 0n, max: 2n ** 16n }),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ seats, applicants }) => {
    const schools = seats.map((n, i) => ({ code: schoolCodes[i]!, seats: n }));
    const input: PlacementInput = {
      schools,
      applicants: applicants
        .map((a, i) => ({
          number: `N${String(i).padStart(3, '0')}`,
          choices: [...new Map(a.choices.map((c) => [schools[c.pick % schools.length]!.code, c.tier])).entries()].map(([school, tier]) => ({
            school,
            tier,
          })),
        }))
        .filter((a) => a.choices.length > 0),
    };
    const lottery = new Map(input.applicants.map((a, i) => [a.number, applicants[i]!.lottery.toString(16).padStart(64, '0')]));
    return { input, lottery };
  });

/** At a school, a beats b: better tier, then lower lottery number, then lower application number (the order the placement uses). */
function ranksAbove(a: { tier: number; lottery: string; number: string }, b: { tier: number; lottery: string; number: string }) {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.lottery !== b.lottery) return a.lottery < b.lottery;
  return a.number < b.number;
}

function preferredSchools(applicant: PlacementResult['applicants'][number]) {
  const placedAt = applicant.choices.findIndex((c) => c.school === applicant.placed);
  return placedAt === -1 ? applicant.choices : applicant.choices.slice(0, placedAt);
}

/** The textbook algorithms, written for clarity: every round, every school re-sorts everything it holds. */
function reference(input: PlacementInput, lottery: Map<string, string>, mechanism: 'da' | 'ia'): Record<string, string | null> {
  const rankAt = (school: string) => (a: PlacementInput['applicants'][number]) => ({
    tier: a.choices.find((c) => c.school === school)!.tier,
    lottery: lottery.get(a.number)!,
    number: a.number,
  });
  const best = (school: string, group: PlacementInput['applicants'][number][], seats: number) =>
    [...group].sort((x, y) => (ranksAbove(rankAt(school)(x), rankAt(school)(y)) ? -1 : 1)).slice(0, seats);
  const placed: Record<string, string | null> = Object.fromEntries(input.applicants.map((a) => [a.number, null]));
  if (mechanism === 'ia') {
    const left = new Map(input.schools.map((s) => [s.code, s.seats]));
    for (const k of [0, 1]) {
      for (const school of input.schools) {
        const group = input.applicants.filter((a) => placed[a.number] === null && a.choices[k]?.school === school.code);
        for (const a of best(school.code, group, left.get(school.code)!)) placed[a.number] = school.code;
        left.set(school.code, left.get(school.code)! - Math.min(group.length, left.get(school.code)!));
      }
    }
    return placed;
  }
  const next = new Map(input.applicants.map((a) => [a.number, 0]));
  for (;;) {
    const proposing = input.applicants.filter((a) => placed[a.number] === null && next.get(a.number)! < a.choices.length);
    if (proposing.length === 0) return placed;
    for (const a of proposing) {
      placed[a.number] = a.choices[next.get(a.number)!]!.school;
      next.set(a.number, next.get(a.number)! + 1);
    }
    for (const school of input.schools) {
      const group = input.applicants.filter((a) => placed[a.number] === school.code);
      const kept = new Set(best(school.code, group, school.seats).map((a) => a.number));
      for (const a of group) if (!kept.has(a.number)) placed[a.number] = null;
    }
  }
}

describe('placement properties', () => {
  it('agrees with the textbook algorithms, written for clarity rather than speed', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom('da' as const, 'ia' as const), ({ input, lottery }, mechanism) => {
        const result = place(input, lottery, mechanism);
        expect(Object.fromEntries(result.applicants.map((a) => [a.number, a.placed]))).toEqual(reference(input, lottery, mechanism));
      }),
      { numRuns: 300 },
    );
  });

  it('deferred acceptance leaves no justified envy and wastes no seat', () => {
    fc.assert(
      fc.property(scenario, ({ input, lottery }) => {
        const result = place(input, lottery, 'da');
        for (const applicant of result.applicants) {
          for (const wanted of preferredSchools(applicant)) {
            const school = result.schools.find((s) => s.code === wanted.school)!;
            expect(school.admitted).toBe(school.seats);
            const me = { tier: wanted.tier, lottery: applicant.lottery, number: applicant.number };
            for (const other of result.applicants.filter((o) => o.placed === wanted.school)) {
              const theirs = other.choices.find((c) => c.school === wanted.school)!;
              expect(ranksAbove(me, { tier: theirs.tier, lottery: other.lottery, number: other.number })).toBe(false);
            }
          }
        }
      }),
    );
  });

  it('respects every school’s seats under both mechanisms, and places applicants only at schools they chose', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom('da' as const, 'ia' as const), ({ input, lottery }, mechanism) => {
        const result = place(input, lottery, mechanism);
        for (const school of result.schools) {
          const admitted = result.applicants.filter((a) => a.placed === school.code).length;
          expect(admitted).toBe(school.admitted);
          expect(admitted).toBeLessThanOrEqual(school.seats);
        }
        for (const applicant of result.applicants) {
          if (applicant.placed !== null) expect(applicant.choices.map((c) => c.school)).toContain(applicant.placed);
        }
        expect(result.unplaced).toBe(result.applicants.filter((a) => a.placed === null).length);
      }),
    );
  });

  it('gives the same result for the same input in any order, under both mechanisms', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom('da' as const, 'ia' as const), fc.nat(), ({ input, lottery }, mechanism, shift) => {
        const rotate = <T>(items: readonly T[]) => items.map((_, i) => items[(i + shift) % items.length]!);
        const permuted = { schools: rotate(input.schools).reverse(), applicants: rotate(input.applicants).reverse() };
        expect(place(permuted, lottery, mechanism)).toEqual(place(input, lottery, mechanism));
      }),
    );
  });

  it('gives the same result for the same input and seed, drawing the lottery from the seed', () => {
    fc.assert(
      fc.property(scenario, fc.uint8Array({ minLength: 32, maxLength: 32 }), ({ input }, bytes) => {
        const seed = Buffer.from(bytes).toString('hex');
        const first = placeWithSeed(input, seed, 'da');
        expect(JSON.stringify(placeWithSeed({ ...input, applicants: [...input.applicants].reverse() }, seed, 'da'))).toBe(
          JSON.stringify(first),
        );
      }),
      { numRuns: 50 },
    );
  });
});

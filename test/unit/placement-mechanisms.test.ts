import { describe, expect, it } from 'vitest';
import { sideBySide } from '../../src/domain/placement/side-by-side';
import type { Mechanism, PlacementApplicant, PlacementSchool } from '../../src/domain/placement/input';
import { place } from '../../src/domain/placement/place';
import { taojiangTiers } from '../../src/domain/placement/taojiang-tiers';
import { tierOf } from '../../src/domain/placement/tiers';

/** Hand-set lottery numbers: `lot(1)` draws better than `lot(2)`. */
const lot = (n: number) => n.toString(16).padStart(64, '0');

interface Case {
  schools: PlacementSchool[];
  applicants: Array<PlacementApplicant & { lottery: number }>;
}

function run({ schools, applicants }: Case, mechanism: Mechanism = 'da') {
  const lottery = new Map(applicants.map((a) => [a.number, lot(a.lottery)]));
  return place({ schools, applicants: applicants.map(({ number, choices }) => ({ number, choices })) }, lottery, mechanism);
}

const placedOf = (result: ReturnType<typeof run>) => Object.fromEntries(result.applicants.map((a) => [a.number, a.placed]));
const schoolOf = (result: ReturnType<typeof run>, code: string) => result.schools.find((s) => s.code === code)!;

describe('deferred acceptance', () => {
  it('breaks a tie within a tier by the lower lottery number', () => {
    const result = run({
      schools: [{ code: 'A', seats: 1 }],
      applicants: [
        { number: 'N1', lottery: 9, choices: [{ school: 'A', tier: 2 }] },
        { number: 'N2', lottery: 3, choices: [{ school: 'A', tier: 2 }] },
      ],
    });
    expect(placedOf(result)).toEqual({ N1: null, N2: 'A' });
    expect(schoolOf(result, 'A').cutoff).toEqual({ tier: 2, lottery: lot(3) });
  });

  it('admits a better tier before a better lottery number', () => {
    const result = run({
      schools: [{ code: 'A', seats: 1 }],
      applicants: [
        { number: 'N1', lottery: 1, choices: [{ school: 'A', tier: 3 }] },
        { number: 'N2', lottery: 99, choices: [{ school: 'A', tier: 2 }] },
      ],
    });
    expect(placedOf(result)).toEqual({ N1: null, N2: 'A' });
  });

  it('gives a sibling at the school priority over a family without one, at that school only', () => {
    const tier = (school: string, sibling: string | null) =>
      tierOf(taojiangTiers, { channel: 'other', inCatchment: false, sibling: school === sibling });
    const result = run({
      schools: [
        { code: 'A', seats: 1 },
        { code: 'B', seats: 1 },
      ],
      applicants: [
        {
          number: 'SIB',
          lottery: 50,
          choices: [
            { school: 'A', tier: tier('A', 'A') },
            { school: 'B', tier: tier('B', 'A') },
          ],
        },
        {
          number: 'N1',
          lottery: 1,
          choices: [
            { school: 'A', tier: tier('A', null) },
            { school: 'B', tier: tier('B', null) },
          ],
        },
      ],
    });
    expect(placedOf(result)).toEqual({ SIB: 'A', N1: 'B' });
    expect(result.applicants.find((a) => a.number === 'SIB')!.choices.map((c) => c.tier)).toEqual([5, 6]);
  });

  it('sends an applicant whose two choices are both full to 统筹安排, counted at both schools', () => {
    const result = run({
      schools: [
        { code: 'A', seats: 1 },
        { code: 'B', seats: 1 },
      ],
      applicants: [
        { number: 'N1', lottery: 1, choices: [{ school: 'A', tier: 2 }] },
        { number: 'N2', lottery: 2, choices: [{ school: 'B', tier: 2 }] },
        {
          number: 'N3',
          lottery: 3,
          choices: [
            { school: 'A', tier: 2 },
            { school: 'B', tier: 2 },
          ],
        },
      ],
    });
    expect(placedOf(result)).toEqual({ N1: 'A', N2: 'B', N3: null });
    expect(result.unplaced).toBe(1);
    expect(result.applicants[2]!.choices.map((c) => c.reached)).toEqual([true, true]);
    expect(schoolOf(result, 'A')).toMatchObject({ admitted: 1, unplaced: 1, cutoff: { tier: 2, lottery: lot(1) } });
    expect(schoolOf(result, 'B')).toMatchObject({ admitted: 1, unplaced: 1, cutoff: { tier: 2, lottery: lot(2) } });
  });

  it('admits nobody at a school with 0 seats and has no cutoff there', () => {
    const result = run({
      schools: [
        { code: 'A', seats: 0 },
        { code: 'B', seats: 5 },
      ],
      applicants: [
        {
          number: 'N1',
          lottery: 1,
          choices: [
            { school: 'A', tier: 1 },
            { school: 'B', tier: 6 },
          ],
        },
        { number: 'N2', lottery: 2, choices: [{ school: 'A', tier: 1 }] },
      ],
    });
    expect(placedOf(result)).toEqual({ N1: 'B', N2: null });
    expect(schoolOf(result, 'A')).toEqual({
      code: 'A',
      seats: 0,
      applicantsPerTier: [{ tier: 1, firstChoice: 2, secondChoice: 0 }],
      admitted: 0,
      cutoff: null,
      unplaced: 1,
    });
    expect(schoolOf(result, 'B')).toMatchObject({ admitted: 1, cutoff: null });
  });

  it('places everyone at the one school while seats last, in tier and lottery order', () => {
    const result = run({
      schools: [{ code: 'ONLY', seats: 2 }],
      applicants: [
        { number: 'N1', lottery: 4, choices: [{ school: 'ONLY', tier: 6 }] },
        { number: 'N2', lottery: 3, choices: [{ school: 'ONLY', tier: 2 }] },
        { number: 'N3', lottery: 2, choices: [{ school: 'ONLY', tier: 6 }] },
        { number: 'N4', lottery: 1, choices: [{ school: 'ONLY', tier: 6 }] },
      ],
    });
    expect(placedOf(result)).toEqual({ N1: null, N2: 'ONLY', N3: null, N4: 'ONLY' });
    expect(schoolOf(result, 'ONLY')).toMatchObject({
      admitted: 2,
      cutoff: { tier: 6, lottery: lot(1) },
      unplaced: 2,
      applicantsPerTier: [
        { tier: 2, firstChoice: 1, secondChoice: 0 },
        { tier: 6, firstChoice: 3, secondChoice: 0 },
      ],
    });
  });

  it('lets a better applicant who arrives through a second choice displace one held there, who moves on', () => {
    const result = run({
      schools: [
        { code: 'A', seats: 1 },
        { code: 'B', seats: 1 },
        { code: 'C', seats: 1 },
      ],
      applicants: [
        { number: 'N1', lottery: 1, choices: [{ school: 'A', tier: 1 }] },
        {
          number: 'N2',
          lottery: 2,
          choices: [
            { school: 'A', tier: 2 },
            { school: 'B', tier: 1 },
          ],
        },
        {
          number: 'N3',
          lottery: 3,
          choices: [
            { school: 'B', tier: 2 },
            { school: 'C', tier: 2 },
          ],
        },
      ],
    });
    expect(placedOf(result)).toEqual({ N1: 'A', N2: 'B', N3: 'C' });
    expect(result.applicants.map((a) => a.choices.map((c) => c.reached))).toEqual([[true], [true, true], [true, true]]);
  });
});

describe('志愿优先 (immediate acceptance) beside deferred acceptance', () => {
  // P truly prefers A to B. A is taken by R (better tier). At B, P is tier 1 and Q tier 2.
  const truthful: Case = {
    schools: [
      { code: 'A', seats: 1 },
      { code: 'B', seats: 1 },
    ],
    applicants: [
      { number: 'R', lottery: 3, choices: [{ school: 'A', tier: 1 }] },
      {
        number: 'P',
        lottery: 1,
        choices: [
          { school: 'A', tier: 2 },
          { school: 'B', tier: 1 },
        ],
      },
      { number: 'Q', lottery: 2, choices: [{ school: 'B', tier: 2 }] },
    ],
  };

  it('under deferred acceptance, listing A first costs P nothing: P still gets B, where P outranks Q', () => {
    const result = run(truthful, 'da');
    expect(placedOf(result)).toEqual({ R: 'A', P: 'B', Q: null });
    expect(schoolOf(result, 'B').cutoff).toEqual({ tier: 1, lottery: lot(1) });
  });

  it('under 志愿优先, B fills with its first-choice applicant Q in round one, and P, truthful, is left to 统筹安排', () => {
    const result = run(truthful, 'ia');
    expect(result.mechanism).toBe('ia');
    expect(placedOf(result)).toEqual({ R: 'A', P: null, Q: 'B' });
    expect(schoolOf(result, 'B').cutoff).toEqual({ tier: 2, lottery: lot(2) });
    expect(result.applicants.find((a) => a.number === 'P')!.choices.map((c) => c.reached)).toEqual([true, true]);
  });

  it('under 志愿优先, P would have got B by listing it first: the truthful list was punished', () => {
    const strategic: Case = {
      ...truthful,
      applicants: truthful.applicants.map((a) => (a.number === 'P' ? { ...a, choices: [...a.choices].reverse() } : a)),
    };
    expect(placedOf(run(strategic, 'ia'))).toMatchObject({ P: 'B' });
  });

  it('admits in tier and lottery order within one round', () => {
    const result = run(
      {
        schools: [{ code: 'A', seats: 1 }],
        applicants: [
          { number: 'N1', lottery: 1, choices: [{ school: 'A', tier: 3 }] },
          { number: 'N2', lottery: 5, choices: [{ school: 'A', tier: 2 }] },
          { number: 'N3', lottery: 2, choices: [{ school: 'A', tier: 2 }] },
        ],
      },
      'ia',
    );
    expect(placedOf(result)).toEqual({ N1: null, N2: null, N3: 'A' });
  });
});

describe('an input the placement cannot run on', () => {
  it('is refused with what is wrong', () => {
    const schools = [{ code: 'A', seats: 1 }];
    const lottery = new Map([['N1', lot(1)]]);
    expect(() => place({ schools, applicants: [{ number: 'N1', choices: [{ school: 'Z', tier: 1 }] }] }, lottery, 'da')).toThrow(
      '申请 N1 的志愿学校不在名单中：Z',
    );
    expect(() =>
      place(
        {
          schools,
          applicants: [
            {
              number: 'N1',
              choices: [
                { school: 'A', tier: 1 },
                { school: 'A', tier: 1 },
              ],
            },
          ],
        },
        lottery,
        'da',
      ),
    ).toThrow('申请 N1 的志愿学校重复');
    expect(() => place({ schools: [{ code: 'A', seats: -1 }], applicants: [] }, lottery, 'da')).toThrow('学校 A 的学位数须为非负整数');
  });
});

describe('the two mechanisms side by side', () => {
  it('names who is placed differently and which mechanism serves them better', () => {
    const input: Case = {
      schools: [
        { code: 'A', seats: 1 },
        { code: 'B', seats: 1 },
      ],
      applicants: [
        { number: 'R', lottery: 3, choices: [{ school: 'A', tier: 1 }] },
        {
          number: 'P',
          lottery: 1,
          choices: [
            { school: 'A', tier: 2 },
            { school: 'B', tier: 1 },
          ],
        },
        { number: 'Q', lottery: 2, choices: [{ school: 'B', tier: 2 }] },
      ],
    };
    expect(sideBySide(run(input, 'da'), run(input, 'ia'))).toEqual({
      unplaced: { deferredAcceptance: 1, immediateAcceptance: 1 },
      betterUnderDeferredAcceptance: 1,
      betterUnderImmediateAcceptance: 1,
      placedDifferently: [
        { number: 'P', deferredAcceptance: 'B', immediateAcceptance: null },
        { number: 'Q', deferredAcceptance: null, immediateAcceptance: 'B' },
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { lotteryNumbers } from '../../src/domain/placement/lottery';
import { place } from '../../src/domain/placement/place';
import { type RoundOneRow, seatHeld, secondRoundInput } from '../../src/domain/placement/second-round';

const row = (over: Partial<RoundOneRow> & Pick<RoundOneRow, 'number'>): RoundOneRow => ({
  school: null,
  drawPlaced: null,
  confirmation: null,
  secondRoundRequested: false,
  choices: [
    { school: 'A', tier: 2 },
    { school: 'B', tier: 3 },
  ],
  ...over,
});

describe('seats held after the confirmation deadline', () => {
  it('holds a confirmed seat, and a seat 统筹安排 or an objection gave even unanswered', () => {
    expect(seatHeld(row({ number: 'N1', school: 'A', drawPlaced: 'A', confirmation: 'confirmed' }))).toBe(true);
    expect(seatHeld(row({ number: 'N2', school: 'C', drawPlaced: null }))).toBe(true);
    expect(seatHeld(row({ number: 'N3', school: 'B', drawPlaced: 'A' }))).toBe(true);
  });

  it('gives up a declined seat and a seat from the draw left unanswered; no school holds nothing', () => {
    expect(seatHeld(row({ number: 'N1', school: 'A', drawPlaced: 'A', confirmation: 'declined' }))).toBe(false);
    expect(seatHeld(row({ number: 'N2', school: 'C', drawPlaced: null, confirmation: 'declined' }))).toBe(false);
    expect(seatHeld(row({ number: 'N3', school: 'A', drawPlaced: 'A' }))).toBe(false);
    expect(seatHeld(row({ number: 'N4' }))).toBe(false);
  });
});

describe('the second round’s input', () => {
  const schools = [
    { code: 'A', seats: 2 },
    { code: 'B', seats: 1 },
    { code: 'C', seats: 3 },
  ];

  it('counts each school’s seats less those still held, never below zero', () => {
    const { input, held, lapsed } = secondRoundInput(
      [...schools, { code: 'D', seats: 0 }],
      [
        row({ number: 'N1', school: 'A', drawPlaced: 'A', confirmation: 'confirmed' }),
        row({ number: 'N2', school: 'A', drawPlaced: 'A', confirmation: 'declined' }),
        row({ number: 'N3', school: 'B', drawPlaced: 'B' }),
        row({ number: 'N4', school: 'C', drawPlaced: null }),
        row({ number: 'N5', school: 'D', drawPlaced: null }),
      ],
    );
    expect(input.schools).toEqual([
      { code: 'A', seats: 1 },
      { code: 'B', seats: 1 },
      { code: 'C', seats: 2 },
      { code: 'D', seats: 0 },
    ]);
    expect(Object.fromEntries(held)).toEqual({ A: 1, C: 1, D: 1 });
    expect(lapsed).toEqual(['N3']);
  });

  it('takes the unplaced and the decliners who asked, keeping their tiers, without the school given up', () => {
    const { input, withoutChoice } = secondRoundInput(schools, [
      row({ number: 'U1' }),
      row({ number: 'U2', school: 'C', drawPlaced: null }),
      row({ number: 'D1', school: 'A', drawPlaced: 'A', confirmation: 'declined', secondRoundRequested: true }),
      row({ number: 'D2', school: 'B', drawPlaced: 'B', confirmation: 'declined' }),
      row({
        number: 'D3',
        school: 'A',
        drawPlaced: 'A',
        confirmation: 'declined',
        secondRoundRequested: true,
        choices: [{ school: 'A', tier: 1 }],
      }),
      row({ number: 'L1', school: 'A', drawPlaced: 'A' }),
      row({ number: 'C1', school: 'A', drawPlaced: 'A', confirmation: 'confirmed' }),
    ]);
    expect(input.applicants).toEqual([
      {
        number: 'U1',
        choices: [
          { school: 'A', tier: 2 },
          { school: 'B', tier: 3 },
        ],
      },
      { number: 'D1', choices: [{ school: 'B', tier: 3 }] },
    ]);
    expect(withoutChoice).toEqual(['D3']);
  });

  it('places with the same lottery numbers: a freed seat goes to the best-ranked participant', () => {
    const seed = 'ab'.repeat(32);
    const { input } = secondRoundInput(
      [{ code: 'A', seats: 1 }],
      [
        row({ number: 'N1', school: 'A', drawPlaced: 'A', confirmation: 'declined', choices: [{ school: 'A', tier: 1 }] }),
        row({ number: 'N2', choices: [{ school: 'A', tier: 2 }] }),
        row({ number: 'N3', choices: [{ school: 'A', tier: 2 }] }),
      ],
    );
    const lottery = lotteryNumbers(seed, ['N1', 'N2', 'N3']);
    const best = lottery.get('N2')! < lottery.get('N3')! ? 'N2' : 'N3';
    const result = place(input, lottery, 'da');
    expect(result.applicants.find((a) => a.placed === 'A')?.number).toBe(best);
    expect(result.applicants.find((a) => a.number === best)?.lottery).toBe(lottery.get(best));
  });
});

import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commitmentOf, lotteryNumbers, revealMatches, seedOf } from '../../src/domain/placement/lottery';

const prefixed = (text: string) => {
  const body = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
};

describe('the observers’ commitments', () => {
  it('are the SHA-256 of the contribution, and a reveal matches only its own commitment', async () => {
    const commitment = await commitmentOf('abc');
    expect(commitment).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await revealMatches('abc', commitment)).toBe(true);
    expect(await revealMatches('abc', commitment.toUpperCase())).toBe(true);
    expect(await revealMatches('abd', commitment)).toBe(false);
  });
});

describe('the seed', () => {
  const reveals = [
    { observerId: 'parent-rep', contribution: '春天的第一场雨 7731' },
    { observerId: 'notary', contribution: 'f3a9c0' },
    { observerId: 'discipline', contribution: 'x' },
  ];

  it('is the SHA-256 of the reveals sorted by observer id, each id and contribution length-prefixed', async () => {
    const expected = createHash('sha256')
      .update(
        Buffer.concat(
          [...reveals]
            .sort((a, b) => (a.observerId < b.observerId ? -1 : 1))
            .flatMap((r) => [prefixed(r.observerId), prefixed(r.contribution)]),
        ),
      )
      .digest('hex');
    expect(await seedOf(reveals)).toBe(expected);
  });

  it('does not depend on the order the reveals arrive in', async () => {
    expect(await seedOf([...reveals].reverse())).toBe(await seedOf(reveals));
  });

  it('changes when any contribution changes, and cannot be matched by moving characters between id and contribution', async () => {
    const other = { observerId: 'z', contribution: 'z' };
    expect(await seedOf([{ observerId: 'a', contribution: 'bc' }, other])).not.toBe(
      await seedOf([{ observerId: 'ab', contribution: 'c' }, other]),
    );
    expect(await seedOf([...reveals.slice(1), { observerId: 'parent-rep', contribution: '春天的第一场雨 7732' }])).not.toBe(
      await seedOf(reveals),
    );
  });

  it('is refused when an observer reveals twice, or fewer than two observers reveal', async () => {
    await expect(seedOf([reveals[0]!, reveals[0]!])).rejects.toThrow();
    await expect(seedOf([reveals[0]!])).rejects.toThrow();
  });
});

describe('lottery numbers', () => {
  const seed = 'a'.repeat(64);

  it('are HMAC-SHA-256 of the application number keyed with the seed, 64 hex characters', () => {
    const numbers = lotteryNumbers(seed, ['TH24-1-7K3M9Q', 'TH24-1-AAAAAA']);
    expect(numbers.get('TH24-1-7K3M9Q')).toBe(createHmac('sha256', Buffer.from(seed, 'hex')).update('TH24-1-7K3M9Q').digest('hex'));
    expect([...numbers.values()].every((n) => /^[0-9a-f]{64}$/.test(n))).toBe(true);
  });

  it('are the same for the same seed and different for another seed', () => {
    const again = lotteryNumbers(seed, ['N1']);
    expect(again.get('N1')).toBe(lotteryNumbers(seed, ['N1']).get('N1'));
    expect(lotteryNumbers('b'.repeat(64), ['N1']).get('N1')).not.toBe(again.get('N1'));
  });

  it('refuse a seed that is not 64 lowercase hex characters', () => {
    expect(() => lotteryNumbers('abc', ['N1'])).toThrow();
    expect(() => lotteryNumbers('A'.repeat(64), ['N1'])).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { decideClaim, recordsFinding } from '../../src/domain/binding-appeal';
import { maskIdNumbersInText } from '../../src/domain/masking';

const child = '430922201803150263';
const father = '430922198503122135';
const household = {
  relations: [
    { idNumber: father, relation: 'head' },
    { idNumber: '430922198601012222', relation: 'spouse' },
    { idNumber: child, relation: 'child' },
  ],
};

describe('what the records say of a claimant', () => {
  it('confirms the head or the spouse of a household where the child is a child', () => {
    expect(recordsFinding(household, child, father)).toBe('parent');
    expect(recordsFinding(household, child, '430922198601012222')).toBe('parent');
  });

  it('does not confirm anyone else, the child itself, or a missing household', () => {
    expect(recordsFinding(household, child, '430922199001013333')).toBe('not_parent');
    expect(recordsFinding(household, child, child)).toBe('not_parent');
    expect(
      recordsFinding(
        {
          relations: [
            { idNumber: father, relation: 'head' },
            { idNumber: child, relation: 'other' },
          ],
        },
        child,
        father,
      ),
    ).toBe('not_parent');
    expect(recordsFinding(null, child, father)).toBe('no_hukou');
  });
});

describe('who settles a claim', () => {
  it('is the records only when they confirm the claimant and the holder never was confirmed and submitted nothing', () => {
    expect(decideClaim({ records: 'parent', holderConfirmed: false, holderSubmitted: false })).toEqual({ settle: 'records' });
    expect(decideClaim({ records: 'parent', holderConfirmed: true, holderSubmitted: false })).toEqual({
      settle: 'staff',
      why: 'holder_confirmed',
    });
    expect(decideClaim({ records: 'parent', holderConfirmed: false, holderSubmitted: true })).toEqual({
      settle: 'staff',
      why: 'holder_submitted',
    });
    expect(decideClaim({ records: 'not_parent', holderConfirmed: false, holderSubmitted: false })).toEqual({
      settle: 'staff',
      why: 'records_not_confirmed',
    });
    expect(decideClaim({ records: 'no_hukou', holderConfirmed: false, holderSubmitted: false })).toEqual({
      settle: 'staff',
      why: 'records_not_confirmed',
    });
    expect(decideClaim({ records: 'unavailable', holderConfirmed: false, holderSubmitted: false })).toEqual({
      settle: 'staff',
      why: 'records_unavailable',
    });
  });
});

describe('the reason a family types', () => {
  it('keeps no full ID number', () => {
    expect(maskIdNumbersInText(`我是父亲，身份证${father}，孩子430922201803150263`)).toBe(
      '我是父亲，身份证430922********2135，孩子430922********0263',
    );
    expect(maskIdNumbersInText('旧证430922850312213号')).toBe('旧证43***********13号');
    expect(maskIdNumbersInText('电话13800138000')).toBe('电话13800138000');
  });
});

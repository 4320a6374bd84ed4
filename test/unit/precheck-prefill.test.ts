import { describe, expect, it } from 'vitest';
import { formFields } from '../../src/domain/application-form';
import { sexOfIdNumber } from '../../src/domain/identity';
import { precheckPrefill, rememberPrecheck, takePrecheck } from '../../web/src/apply/precheck-memory';
import { residentId } from '../helpers/identity';

const father = residentId('19850312', '031');
const mother = residentId('19870520', '042');
const facts = { parentIdNumber: father, community: '资江社区', registeredOn: '2020-05-01' };

describe('what 通道预查 fills in on the form', () => {
  it('reads the sex an ID number records from its 17th digit', () => {
    expect(sexOfIdNumber(father)).toBe('male');
    expect(sexOfIdNumber(mother)).toBe('female');
    expect(sexOfIdNumber('12345')).toBeNull();
  });

  it('puts the parent’s number on the father’s or the mother’s field, with the 户籍 date and community', () => {
    expect(precheckPrefill(facts, {}, formFields({ entry: 'grade1', channel: 'hukou' }, {}), ['资江社区'])).toEqual({
      fatherIdNumber: father,
      hukouRegisteredOn: '2020-05-01',
      community: '资江社区',
    });
    expect(precheckPrefill({ ...facts, parentIdNumber: mother }, {}, formFields({ entry: 'grade1', channel: 'hukou' }, {}), [])).toEqual({
      motherIdNumber: mother,
      hukouRegisteredOn: '2020-05-01',
    });
  });

  it('never overwrites what the parent entered, nor fills a field the channel does not ask for', () => {
    const form = { fatherIdNumber: '430922********0311', community: '桃花江社区' };
    expect(precheckPrefill(facts, form, formFields({ entry: 'grade1', channel: 'property' }, {}), ['资江社区'])).toEqual({});
  });

  it('is handed over once and then forgotten', () => {
    rememberPrecheck('app1', facts);
    expect(takePrecheck('app1')).toEqual(facts);
    expect(takePrecheck('app1')).toBeUndefined();
  });
});

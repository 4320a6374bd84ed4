import { describe, expect, it } from 'vitest';
import { checkChildName, checkIdNumber, normalizeIdNumber } from '../../src/domain/identity';
import { residentId, residentIdEndingInX } from '../helpers/identity';

const today = '2024-07-20';
const resident = (id: string) => checkIdNumber('resident', id, today);

describe('resident ID numbers (GB 11643)', () => {
  it('accepts a valid number and derives the birth date and sex', () => {
    expect(resident(residentId('20180101', '001'))).toEqual({
      ok: true,
      normalized: residentId('20180101', '001'),
      birthDate: '2018-01-01',
      sex: 'male',
    });
    expect(resident(residentId('20180101', '002'))).toMatchObject({ ok: true, sex: 'female' });
  });

  it('accepts an X check character, typed in lower case too', () => {
    const id = residentIdEndingInX();
    expect(resident(id)).toMatchObject({ ok: true, normalized: id });
    expect(resident(id.toLowerCase())).toMatchObject({ ok: true, normalized: id });
  });

  it('refuses a wrong check digit', () => {
    const id = residentId();
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(resident(wrong)).toEqual({ ok: false, message: '证件号码校验位不正确，请逐位核对' });
  });

  it('refuses a birth date that does not exist, such as 2023-02-30, or lies in the future', () => {
    const feb30 = residentId('20230230');
    expect(resident(feb30)).toEqual({ ok: false, message: '证件号码中的出生日期不存在，请核对' });
    expect(resident(residentId('20240721'))).toMatchObject({ ok: false, message: '证件号码中的出生日期不正确，请核对' });
    expect(resident(residentId('20200229'))).toMatchObject({ ok: true, birthDate: '2020-02-29' });
  });

  it('refuses an unknown region prefix', () => {
    expect(resident(residentId('20180101', '001', '990101'))).toEqual({ ok: false, message: '证件号码的地区代码不存在，请核对' });
    expect(resident(residentId('20180101', '001', '810000'))).toMatchObject({ ok: false });
  });

  it('refuses 17 characters and says how many were typed', () => {
    expect(resident(residentId().slice(0, 17))).toEqual({ ok: false, message: '证件号码应为18位，您输入了17位' });
  });

  it('reads full-width digits as the phone keyboard types them', () => {
    const id = residentId();
    const fullWidth = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(normalizeIdNumber(fullWidth)).toBe(id);
    expect(resident(fullWidth)).toMatchObject({ ok: true, normalized: id });
  });

  it('refuses letters inside the number and blanks in the middle', () => {
    expect(resident(`43092A${residentId().slice(6)}`)).toMatchObject({ ok: false, message: '证件号码前17位应为数字，最后一位为数字或X' });
    expect(resident(`430922 ${residentId().slice(6)}`)).toMatchObject({ ok: false, message: '证件号码不能包含空格' });
  });
});

describe('other ID types', () => {
  it('takes residence permits of Hong Kong, Macao and Taiwan residents with their own prefixes', () => {
    expect(checkIdNumber('hk_mo_tw', residentId('20180101', '001', '810000'), today)).toMatchObject({ ok: true });
    expect(checkIdNumber('hk_mo_tw', residentId(), today)).toMatchObject({ ok: false });
  });

  it('takes the 2023 foreign permanent residence card (starts with 9) and the old 15-character one', () => {
    expect(checkIdNumber('foreign_permanent', residentId('20180101', '001', '943000'), today)).toMatchObject({ ok: true });
    expect(checkIdNumber('foreign_permanent', 'USA430018010101', today)).toMatchObject({ ok: true, birthDate: null });
    expect(checkIdNumber('foreign_permanent', residentId(), today)).toMatchObject({ ok: false });
  });

  it('takes passports of 5 to 20 letters and digits', () => {
    expect(checkIdNumber('passport', 'e12345678', today)).toEqual({ ok: true, normalized: 'E12345678', birthDate: null, sex: null });
    expect(checkIdNumber('passport', 'E12', today)).toMatchObject({ ok: false });
    expect(checkIdNumber('passport', '', today)).toEqual({ ok: false, message: '请填写证件号码' });
  });
});

describe("children's names", () => {
  it('accepts Chinese names of 2 to 20 characters, with the middle dot of minority names', () => {
    expect(checkChildName('张三', 'resident')).toEqual({ ok: true, name: '张三' });
    expect(checkChildName('阿依古丽·买买提', 'resident')).toEqual({ ok: true, name: '阿依古丽·买买提' });
    expect(checkChildName('阿依古丽•买买提', 'resident')).toEqual({ ok: true, name: '阿依古丽·买买提' });
  });

  it('refuses one character, more than twenty, spaces and digits', () => {
    expect(checkChildName('张', 'resident')).toMatchObject({ ok: false, message: '姓名应为2至20个字' });
    expect(checkChildName('张'.repeat(21), 'resident')).toMatchObject({ ok: false });
    expect(checkChildName('张 三', 'resident')).toEqual({ ok: false, message: '姓名不能包含空格' });
    expect(checkChildName('张三2', 'resident')).toEqual({ ok: false, message: '姓名不能包含数字' });
  });

  it('takes Latin letters only for foreign documents', () => {
    expect(checkChildName('Tom', 'resident')).toMatchObject({ ok: false });
    expect(checkChildName('Tom·Smith', 'passport')).toEqual({ ok: true, name: 'TOM·SMITH' });
  });
});

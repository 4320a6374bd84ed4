import { describe, expect, it } from 'vitest';
import { placeColumns } from '../../src/domain/school-import';
import { decideOffer } from '../../src/domain/school-offer';
import { catchmentRemovalRefusal, placesOf, removalRefusal, schoolPhoneOf, splitCommunities } from '../../src/domain/school-rules';

describe('a school’s places', () => {
  it('are the places given, or classes × class size multiplied', () => {
    expect(placesOf({ places: 360 })).toEqual({ ok: true, places: 360, classes: null, classSize: null });
    expect(placesOf({ classes: 8, classSize: 45 })).toEqual({ ok: true, places: 360, classes: 8, classSize: 45 });
    expect(placesOf({ places: 360, classes: 8, classSize: 45 })).toMatchObject({ ok: true, places: 360 });
  });

  it('are refused when classes and size disagree with the places, one of the two is missing, or a number is not whole', () => {
    expect(placesOf({ places: 300, classes: 8, classSize: 45 })).toEqual({
      ok: false,
      message: '学位数 300 与班数×班额（8×45=360）不一致',
    });
    expect(placesOf({ classes: 8 })).toEqual({ ok: false, message: '按班级填写时，班数和班额都要填写' });
    expect(placesOf({ places: 1.5 })).toMatchObject({ ok: false });
    expect(placesOf({ places: -1 })).toMatchObject({ ok: false });
    expect(placesOf({})).toMatchObject({ ok: false, message: '请填写学位数，或班数和班额' });
  });
});

describe('a school’s phone', () => {
  it('is a landline with its area code or a mobile number; blank is none', () => {
    expect(schoolPhoneOf('0737-8821107')).toEqual({ ok: true, phone: '0737-8821107' });
    expect(schoolPhoneOf(' 138 1234 5678 ')).toEqual({ ok: true, phone: '13812345678' });
    expect(schoolPhoneOf('')).toEqual({ ok: true, phone: null });
    expect(schoolPhoneOf('7378821107')).toMatchObject({ ok: false });
  });
});

describe('leaving a season', () => {
  it('is allowed only while no application names the school, drafts included', () => {
    expect(removalRefusal('实验小学', { choices: 0, siblings: 0 })).toBeNull();
    expect(removalRefusal('实验小学', { choices: 2, siblings: 1 })).toBe(
      '「实验小学」不能从本招生季移除：2 份报名将其选为志愿学校，1 份报名的兄弟姐妹在该校就读（含未提交的草稿）',
    );
  });

  it('of a community from a catchment is refused while its families chose the school', () => {
    expect(catchmentRemovalRefusal('实验小学', ['资江社区', '桃花社区'], ['资江社区'], ['桃花社区'])).toBe(
      '「实验小学」的招生范围不能去掉「桃花社区」：已有该社区的报名选择了本校',
    );
    expect(catchmentRemovalRefusal('实验小学', ['资江社区', '桃花社区'], ['资江社区'], ['资江社区'])).toBeNull();
  });
});

describe('a catchment cell', () => {
  it('lists communities separated by 、 ， , ； or blanks, each once', () => {
    expect(splitCommunities('资江社区、桃花社区，迎宾社区; 资江社区')).toEqual(['资江社区', '桃花社区', '迎宾社区']);
  });
});

const columns = placeColumns(
  [
    { id: 'e1', code: 'grade1', name: '小学一年级新生' },
    { id: 'e3', code: 'transfer', name: '插班生转学' },
  ],
  [
    { entryId: 'e1', level: 'primary', gradeMin: 1, gradeMax: 1 },
    { entryId: 'e3', level: 'primary', gradeMin: 2, gradeMax: 3 },
    { entryId: 'e3', level: 'junior', gradeMin: 8, gradeMax: 8 },
  ],
);

describe('the season’s place columns', () => {
  it('are one per entry and grade its tracks offer, with the levels that take that grade', () => {
    expect(columns.map((c) => [c.key, c.label, c.levels])).toEqual([
      ['grade1:1', '小学一年级新生·一年级学位', ['primary']],
      ['transfer:2', '插班生转学·二年级学位', ['primary']],
      ['transfer:3', '插班生转学·三年级学位', ['primary']],
      ['transfer:8', '插班生转学·八年级学位', ['junior']],
    ]);
  });
});

describe('a school’s offer in a season', () => {
  const season = { columns, communityIds: ['c1', 'c2'] };
  it('multiplies classes × class size and keeps only communities of the region', () => {
    const done = decideOffer(
      'primary',
      {
        address: ' 桃花路1号 ',
        contactPhone: '0737-8821107',
        places: [{ entryId: 'e1', grade: 1, classes: 8, classSize: 45 }],
        communityIds: ['c1', 'c1'],
      },
      season,
    );
    expect(done).toEqual({
      ok: true,
      address: '桃花路1号',
      contactPhone: '0737-8821107',
      places: [{ entryId: 'e1', grade: 1, places: 360, classes: 8, classSize: 45 }],
      communityIds: ['c1'],
    });
  });

  it('refuses places for a grade its level does not take, a grade the season lacks, a foreign community, no address', () => {
    const base = { address: '桃花路1号', places: [], communityIds: [] };
    expect(decideOffer('junior', { ...base, places: [{ entryId: 'e1', grade: 1, places: 10 }] }, season)).toEqual({
      ok: false,
      field: 'places',
      message: '初中不招收「小学一年级新生·一年级」',
    });
    expect(decideOffer('primary', { ...base, places: [{ entryId: 'e1', grade: 4, places: 10 }] }, season)).toMatchObject({
      ok: false,
      field: 'places',
    });
    expect(decideOffer('primary', { ...base, communityIds: ['elsewhere'] }, season)).toMatchObject({ ok: false, field: 'communityIds' });
    expect(decideOffer('primary', { ...base, address: ' ' }, season)).toMatchObject({ ok: false, field: 'address' });
  });
});

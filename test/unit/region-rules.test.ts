import { describe, expect, it } from 'vitest';
import {
  cleanRegionFields,
  decideRegionCreate,
  decideRegionOrder,
  decideRegionUpdate,
  regionFieldsRefusal,
} from '../../src/domain/region-rules';

const fields = (over: Partial<ReturnType<typeof cleanRegionFields>> = {}) => ({
  ...cleanRegionFields({ name: '灰山港镇', contactPhone: '0737-8822011', address: '灰山港镇建设路1号' }),
  ...over,
});
const current = { id: 'r1', code: 'huishangang', version: 3, ...fields() };

describe("a region's fields", () => {
  it('accept a landline with its area code, with or without the hyphen, and a mobile number', () => {
    for (const phone of ['0737-8822011', '07378822011', '010-12345678', '13812345678', ' 0737 8822011 ']) {
      expect(regionFieldsRefusal(cleanRegionFields({ name: '镇', contactPhone: phone }))).toBeNull();
    }
  });

  it('refuse a phone number that is neither, naming the field in zh-CN', () => {
    for (const phone of ['12345', '8822011', '23812345678', '0737-88a2011', '138123456789']) {
      expect(regionFieldsRefusal(cleanRegionFields({ name: '镇', contactPhone: phone }))).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'contactPhone',
        message: expect.stringContaining('咨询电话格式不正确'),
      });
    }
  });

  it('turn blank optional fields into none and trim the name', () => {
    expect(cleanRegionFields({ name: ' 桃花江镇 ', contactPhone: ' ', address: '', sponsor: undefined, icp: null })).toEqual({
      name: '桃花江镇',
      contactPhone: null,
      address: null,
      sponsor: null,
      icp: null,
    });
    expect(regionFieldsRefusal(cleanRegionFields({ name: '  ' }))).toMatchObject({ field: 'name', message: '请填写区域名称' });
  });
});

describe('a new region', () => {
  it('is refused when its code is not lower-case letters, digits and hyphens', () => {
    for (const code of ['Taojiang', 'tao jiang', 'tao_jiang', '-tao', 'tao--jiang', '桃江']) {
      expect(decideRegionCreate({ code, fields: fields() }, [])).toMatchObject({ ok: false, field: 'code' });
    }
    expect(decideRegionCreate({ code: 'tao-jiang-2', fields: fields() }, [])).toEqual({ ok: true });
  });

  it('is refused when another region has its code or its name', () => {
    expect(decideRegionCreate({ code: 'huishangang', fields: fields() }, [{ code: 'huishangang', name: '别的镇' }])).toMatchObject({
      ok: false,
      code: 'REGION_EXISTS',
      field: 'code',
    });
    expect(decideRegionCreate({ code: 'hsg', fields: fields() }, [{ code: 'other', name: '灰山港镇' }])).toMatchObject({
      ok: false,
      code: 'REGION_EXISTS',
      field: 'name',
    });
  });
});

describe('an edit of a region', () => {
  it('made on an older version is refused with 该区域已被他人修改', () => {
    expect(decideRegionUpdate(current, { version: 2, fields: fields() }, [current])).toMatchObject({
      ok: false,
      code: 'REGION_CHANGED',
      message: '该区域已被他人修改，请刷新后再试',
    });
  });

  it('to the name of another region is refused', () => {
    const other = { id: 'r2', name: '桃花江镇' };
    expect(decideRegionUpdate(current, { version: 3, fields: fields({ name: '桃花江镇' }) }, [current, other])).toMatchObject({
      ok: false,
      code: 'REGION_EXISTS',
      field: 'name',
    });
  });

  it('hands back before and after, what changed, and the version it must still have', () => {
    const decision = decideRegionUpdate(current, { version: 3, fields: fields({ address: '灰山港镇新街2号' }) }, [current]);
    expect(decision).toEqual({
      ok: true,
      before: fields(),
      after: fields({ address: '灰山港镇新街2号' }),
      changed: ['address'],
      guard: { version: 3 },
    });
  });
});

describe('a new order of the regions', () => {
  it('is accepted when it names every region exactly once', () => {
    expect(decideRegionOrder(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual({ ok: true });
  });

  it('is refused when it leaves one out, repeats one or names one that does not exist', () => {
    for (const ids of [
      ['a', 'b'],
      ['a', 'b', 'b'],
      ['a', 'b', 'c', 'd'],
      ['a', 'b', 'x'],
    ]) {
      expect(decideRegionOrder(['a', 'b', 'c'], ids)).toMatchObject({ ok: false, code: 'REGION_CHANGED' });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../src/domain/application-form';
import { maskIdNumber } from '../../src/domain/masking';
import { checkStudentNumber } from '../../src/domain/student-number';
import { residentId } from '../helpers/identity';

const today = '2024-07-20';
const child = residentId('20120301', '021');

describe('学籍号', () => {
  it('accepts G and the child’s own ID number, typed in any case, with spaces or full-width characters', () => {
    expect(checkStudentNumber(`g${child}`, today, maskIdNumber(child))).toEqual({ ok: true, normalized: `G${child}` });
    const spaced = `Ｇ ${child.slice(0, 6)} ${child.slice(6)}`;
    expect(checkStudentNumber(spaced, today, maskIdNumber(child))).toEqual({ ok: true, normalized: `G${child}` });
  });

  it('refuses a G number that is not a valid ID number, or another child’s', () => {
    const typo = `G${child.slice(0, 17)}${child[17] === '1' ? '2' : '1'}`;
    expect(checkStudentNumber(typo, today, maskIdNumber(child))).toMatchObject({ ok: false, message: expect.stringContaining('校验位') });
    const sibling = residentId('20100301', '033');
    expect(checkStudentNumber(`G${sibling}`, today, maskIdNumber(child))).toMatchObject({
      ok: false,
      message: expect.stringContaining('与孩子的不一致'),
    });
  });

  it('accepts a temporary L or J number and refuses anything else with a hint where to ask', () => {
    expect(checkStudentNumber('L20120301430922001', today, maskIdNumber(child))).toEqual({ ok: true, normalized: 'L20120301430922001' });
    expect(checkStudentNumber('123456', today, null)).toMatchObject({
      ok: false,
      message: expect.stringContaining('可向孩子就读学校查询'),
    });
    expect(checkStudentNumber(' ', today, null)).toEqual({ ok: false, message: '请填写学籍号' });
  });

  it('is masked like the ID number it carries', () => {
    expect(maskSecret('studentNumber', `G${child}`)).toBe(`G${maskIdNumber(child)}`);
    expect(maskSecret('fatherIdNumber', child)).toBe(maskIdNumber(child));
  });
});

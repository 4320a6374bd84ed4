import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/domain/masking';

describe('ID numbers typed into staff free text', () => {
  it('masks an 18-digit resident number inside a sentence', () => {
    expect(maskIdNumbersInText('父亲身份证430922198503122135与户口簿不符')).toBe('父亲身份证430922********2135与户口簿不符');
  });

  it('masks a number ending in X or x', () => {
    expect(maskIdNumbersInText('号码 43092219840905317X 有误')).toBe('号码 430922********317X 有误');
    expect(maskIdNumbersInText('号码 43092219840905317x 有误')).toBe('号码 430922********317X 有误');
  });

  it('masks a 15-digit old number', () => {
    const masked = maskIdNumbersInText('旧证 430922850312213 已过期');
    expect(masked).not.toContain('430922850312213');
    expect(masked).toBe('旧证 43***********13 已过期');
  });

  it('masks numbers typed with spaces, hyphens or the ideographic space between groups', () => {
    for (const typed of ['430922 19850312 2135', '430922-19850312-2135', '4309 2219 8503 1221 35', '430922\u300019850312\u30002135']) {
      expect(maskIdNumbersInText(`证件号${typed}。`)).toBe('证件号430922********2135。');
    }
  });

  it('masks full-width digits and a full-width X', () => {
    expect(maskIdNumbersInText('证件号４３０９２２１９８４０９０５３１７Ｘ')).toBe('证件号430922********317X');
  });

  it('masks two numbers in one text', () => {
    const masked = maskIdNumbersInText('父430922198503122135，母430681198603112042');
    expect(masked).toBe('父430922********2135，母430681********2042');
  });

  it('leaves phone numbers, dates, application numbers and short digit runs alone', () => {
    const text = '请于2024-07-25前补交，咨询0737-8822123或13800138000，报名号TA24-1-ABC234，共3份';
    expect(maskIdNumbersInText(text)).toBe(text);
  });

  it('takes a longer digit run whole, so no 18-digit part of it stays readable', () => {
    const masked = maskIdNumbersInText('编号12430922198503122135');
    expect(masked).not.toMatch(/\d{15}/);
    expect(masked).not.toContain('198503');
  });

  it('leaves text without numbers unchanged', () => {
    expect(maskIdNumbersInText('材料照片不清晰，请重新上传')).toBe('材料照片不清晰，请重新上传');
  });
});

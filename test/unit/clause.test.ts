import { describe, expect, it } from 'vitest';
import { statusNotice } from '../../src/domain/notices';
import { asClause } from '../../src/domain/clause';

describe('staff text inside a notice sentence', () => {
  it('loses the punctuation it was ended with, whatever the width, and keeps what is inside', () => {
    expect(asClause('照片不清晰。')).toBe('照片不清晰');
    expect(asClause('照片不清晰。。 ')).toBe('照片不清晰');
    expect(asClause('户口本缺少户主页！')).toBe('户口本缺少户主页');
    expect(asClause('请补充房产证. ')).toBe('请补充房产证');
    expect(asClause('父亲、母亲的身份证不清晰，请重拍')).toBe('父亲、母亲的身份证不清晰，请重拍');
  });

  it('never doubles the full stop in a rejection SMS', () => {
    const { body } = statusNotice('rejected', { number: 'TJ2024000001', childName: '李小明', reason: '照片不清晰。' });
    expect(body).toContain('原因：照片不清晰。请登录');
    expect(body).not.toMatch(/。。/);
  });
});

import { describe, expect, it } from 'vitest';
import { checksForParents } from '../../src/domain/checks-for-parents';

describe('the system checks as a family reads them', () => {
  it('says what was checked in plain words, and what to bring only where a check did not pass', () => {
    const view = checksForParents([
      { claim: 'identity_child', result: 'pass' },
      { claim: 'hukou', result: 'fail' },
      { claim: 'paper_proof', result: 'manual' },
      { claim: 'property', result: 'pending' },
    ]);
    expect(view.map((c) => [c.label, c.text])).toEqual([
      ['孩子的姓名与身份证号码', '已与相关部门数据核对一致'],
      ['户籍及登记时间', '与相关部门数据不一致'],
      ['纸质证明材料', '未能自动核对，将由工作人员人工核对'],
      ['房产及登记时间', '正在核对'],
    ]);
    expect(view.map((c) => c.bring)).toEqual([null, '请携带户口簿原件备查', '请携带本通道要求的证明材料原件备查', null]);
  });

  it('carries nothing but the claim and its result into the words (no record values, no summaries)', () => {
    const withExtras = [
      { claim: 'hukou', result: 'fail', summary: '户主：王某某 430922198001011234', values: { head: '王某某' } },
    ] as const;
    expect(JSON.stringify(checksForParents(withExtras))).not.toMatch(/王某某|430922/);
  });
});

/**
 * The system checks of a family's own application, as the family reads them: what was checked, in plain words, and
 * what to bring when a check did not pass. Built from the claim and its result only (and, for 一房一位, whether the
 * property is locked), never from the records' values or the reviewers' summaries, so nothing of another person's
 * record can reach a parent.
 */
import { lockedPropertyForParents } from './property-lock';
import type { CheckResult, Claim } from './verification';

const claimLabels: Record<Claim, string> = {
  identity_child: '孩子的姓名与身份证号码',
  identity_father: '父亲的姓名与身份证号码',
  identity_mother: '母亲的姓名与身份证号码',
  relation: '孩子与父母在同一户口簿',
  hukou: '户籍及登记时间',
  property: '房产及登记时间',
  pension: '社保缴纳月数',
  business: '营业执照及登记时间',
  public_servant: '公职人员身份',
  paper_proof: '纸质证明材料',
};

const resultTexts: Record<CheckResult, string> = {
  pass: '已与相关部门数据核对一致',
  fail: '与相关部门数据不一致',
  manual: '未能自动核对，将由工作人员人工核对',
  pending: '正在核对',
};

const whatToBring: Record<Claim, string> = {
  identity_child: '请核对填写的孩子姓名和证件号码；如无误，请携带孩子的户口簿和身份证件原件备查',
  identity_father: '请核对填写的父亲姓名和证件号码；如无误，请携带父亲身份证原件备查',
  identity_mother: '请核对填写的母亲姓名和证件号码；如无误，请携带母亲身份证原件备查',
  relation: '请携带户口簿原件（户主页、孩子和父母的常住人口登记卡）备查',
  hukou: '请携带户口簿原件备查',
  property: '请携带不动产权证书或购房合同原件备查',
  pension: '请携带人社部门出具的社保缴费证明备查',
  business: '请携带营业执照原件备查',
  public_servant: '请携带工作单位出具的在职证明备查',
  paper_proof: '请携带本通道要求的证明材料原件备查',
};

export interface ParentCheck {
  claim: Claim;
  label: string;
  result: CheckResult;
  text: string;
  /** For a check that did not pass: what the family should check or bring. */
  bring: string | null;
}

export function checksForParents(
  checks: readonly { claim: Claim; result: CheckResult; values?: Record<string, unknown> }[],
): ParentCheck[] {
  return checks.map(({ claim, result, values }) => ({
    claim,
    label: claimLabels[claim],
    result,
    text: result === 'manual' && values?.locked === true ? lockedPropertyForParents : resultTexts[result],
    bring: result === 'fail' || result === 'manual' ? whatToBring[claim] : null,
  }));
}

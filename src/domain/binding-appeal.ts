/**
 * 绑定申诉: a family's claim on a child that another account bound first. Pure rules: what the authority records say
 * of the claimant, whether the records settle the claim at once or staff must, and what each account is told.
 * See docs/decisions/009-binding-appeals.md.
 */
import { asClause } from './clause';

/** What the child's household record says of the ID number the claimant gave as their own. */
export type RecordsFinding =
  /** The claimant is the head or the head's spouse, and the child is a child of the household. */
  | 'parent'
  /** The household exists but does not show the claimant as the child's parent. */
  | 'not_parent'
  /** The records hold no household for the child. */
  | 'no_hukou'
  /** The records service could not answer. */
  | 'unavailable';

interface Member {
  idNumber: string;
  relation: string;
}

/** Reads the child's household: the claimant is a parent on it when head/spouse of a household where the child is a child. */
export function recordsFinding(
  household: { relations: readonly Member[] } | null,
  childIdNumber: string,
  claimantIdNumber: string,
): RecordsFinding {
  if (!household) return 'no_hukou';
  if (claimantIdNumber === childIdNumber) return 'not_parent';
  const child = household.relations.find((m) => m.idNumber === childIdNumber);
  const claimant = household.relations.find((m) => m.idNumber === claimantIdNumber);
  if (!child || !claimant) return 'not_parent';
  return child.relation === 'child' && (claimant.relation === 'head' || claimant.relation === 'spouse') ? 'parent' : 'not_parent';
}

/** Why a claim waits for staff. */
export type StaffReason = 'records_not_confirmed' | 'records_unavailable' | 'holder_confirmed' | 'holder_submitted';

export type ClaimDecision = { settle: 'records' } | { settle: 'staff'; why: StaffReason };

/**
 * The records settle a claim at once only when they confirm the claimant, the holder's binding was never confirmed
 * itself (by the records or by staff: a granted claim), and the holder's account has nothing beyond drafts for the
 * child (a submitted application, even a withdrawn one, is never destroyed by a claim: staff look at it).
 */
export function decideClaim(facts: { records: RecordsFinding; holderConfirmed: boolean; holderSubmitted: boolean }): ClaimDecision {
  if (facts.records === 'unavailable') return { settle: 'staff', why: 'records_unavailable' };
  if (facts.records !== 'parent') return { settle: 'staff', why: 'records_not_confirmed' };
  if (facts.holderConfirmed) return { settle: 'staff', why: 'holder_confirmed' };
  if (facts.holderSubmitted) return { settle: 'staff', why: 'holder_submitted' };
  return { settle: 'records' };
}

export const recordsFindingNames: Record<RecordsFinding, string> = {
  parent: '户籍信息显示申诉人为孩子的父母',
  not_parent: '户籍信息未显示申诉人为孩子的父母',
  no_hukou: '未查到孩子的户籍信息',
  unavailable: '户籍查询服务暂不可用',
};

export const staffReasonNames: Record<StaffReason, string> = {
  records_not_confirmed: '户籍信息未能确认申诉人',
  records_unavailable: '户籍查询服务暂不可用',
  holder_confirmed: '现绑定账号的绑定此前已经核实',
  holder_submitted: '现绑定账号已为该孩子提交过报名',
};

export const appealStatusNames = { open: '待审核', granted: '申诉成立', refused: '申诉未通过', withdrawn: '已撤回' } as const;

const sign = '【桃江县入学报名】';

/** The two notices of each step: one for the family that claims, one for the account that holds the child. */
export function appealNotices(
  step: 'filed' | 'granted' | 'refused',
  a: { childName: string; childIdMasked: string; by?: 'records' | 'staff'; reason?: string | null; draftsRemoved?: boolean },
) {
  const child = `孩子${a.childName}（${a.childIdMasked}）`;
  if (step === 'filed') {
    return {
      claimant: {
        title: '绑定申诉已提交',
        body: `${sign}您对${child}的绑定申诉已提交，工作人员将核实处理，结果将以短信和站内消息通知您。`,
      },
      holder: {
        title: '绑定申诉通知',
        body: `${sign}有家长对您账号绑定的${child}提出绑定申诉，工作人员将核实处理。如有疑问请联系县教育局。`,
      },
    };
  }
  if (step === 'granted') {
    const how = a.by === 'records' ? '经户籍信息核验' : '经工作人员审核';
    return {
      claimant: { title: '绑定申诉成立', body: `${sign}${how}，${child}已绑定到您的账号，可在“我的孩子”中查看并报名。` },
      holder: {
        title: '孩子已转出您的账号',
        body: `${sign}${how}，您账号绑定的${child}已转到其家长的账号${a.draftsRemoved ? '，该孩子未提交的报名草稿已删除' : ''}。如有异议请联系县教育局。`,
      },
    };
  }
  return {
    claimant: {
      title: '绑定申诉未通过',
      body: `${sign}您对${child}的绑定申诉未通过。原因：${a.reason ? asClause(a.reason) : '见我的孩子'}。`,
    },
    holder: { title: '绑定申诉已处理', body: `${sign}对您账号绑定的${child}的绑定申诉未通过，孩子仍绑定在您的账号。` },
  };
}

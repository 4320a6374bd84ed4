import { type StaffRoleCode, staffRoleNames } from './staff-policy';

/**
 * 查阅记录: what a family sees of the audit log of their application — each opening of the file, full ID number or
 * phone shown, export and decision by staff — in words, with the actor's role (never a person's name).
 */
export const accessActionNames: Readonly<Record<string, string>> = {
  view: '查看报名详情',
  reveal_id: '查看完整证件号码',
  reveal_phone: '查看家长完整手机号',
  objection_document_view: '查看异议材料',
  export_row: '导出（报名数据）',
  // The 录取名单 page's reading; its exports are made by the server (`GET /api/exports/confirmed.*`).
  confirmed_list_row: '查阅录取名单',
  confirmed_export_row: '导出（录取名单）',
  confirmed_export_row_full_id: '导出（录取名单，含完整证件号码）',
  approve: '初审通过',
  reject: '初审驳回',
  school_approve: '学校审核通过',
  school_reject: '学校审核驳回',
  admit: '录取',
  not_admit: '不予录取',
  objection_decide: '处理异议',
  placement_assign: '安排学位',
  agent_step: '代为办理',
};

/** What an agent (代办) did for the family, by the step they took (`agent_step` entries' `detail.step`). */
const agentStepNames: Readonly<Record<string, string>> = {
  'children.add': '代为添加孩子',
  'applications.start': '代为新建报名',
  'applications.submit': '代为提交报名',
  'applications.withdraw': '代为撤回报名',
  'files.upload': '代为上传材料',
  'files.remove': '代为删除材料',
};

export const accessActions = Object.keys(accessActionNames);

/** Written before roles were recorded, by a staff member since removed: the role cannot be told. */
export const unknownActorName = '工作人员';

/** A system that read the application through an integration key. */
export const keyActorName = '对接系统';

/**
 * Who did it, in words: a system by its key's name (系统「学籍系统」), the role recorded with the entry; for an entry
 * written before roles were recorded (`recordedRole` null), the staff member's role as it is now (`currentRole`),
 * else 工作人员.
 */
export function accessActorName(entry: {
  keyId: string | null;
  keyName?: string | null;
  recordedRole: string | null;
  currentRole: string | null;
}): string {
  if (entry.keyId) return entry.keyName ? `系统「${entry.keyName}」` : keyActorName;
  const role = entry.recordedRole ?? entry.currentRole;
  return role && role in staffRoleNames ? staffRoleNames[role as StaffRoleCode] : unknownActorName;
}

/** 代办员（<school or office>）: how histories name an agent (代办, decision 032). */
export function agentName(place: string | null | undefined): string {
  return place ? `代办员（${place}）` : '代办员';
}

/** What was done, in words (an action the list does not know shows as 访问报名; an agent's step, its own name). */
export function accessActionName(action: string, step?: unknown): string {
  return (action === 'agent_step' && agentStepNames[step as string]) || (accessActionNames[action] ?? '访问报名');
}

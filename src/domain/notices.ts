import type { ApplicationStatus } from './application-status';
import { statusNames } from './application-status';
import { asClause } from './clause';

/** What a family is told when its application changes state: an SMS and the same text in 我的消息. */
export function statusNotice(to: ApplicationStatus, a: { number: string; childName: string; reason?: string | null }) {
  const head = `【桃江县入学报名】${a.childName}的报名（编号${a.number}）`;
  const bodies: Record<ApplicationStatus, string> = {
    draft: `${head}已保存为草稿。`,
    submitted: `${head}已提交成功，状态：审核中。报名顺序与入学分配学校次序无关，请耐心等待审核结果。`,
    withdrawn: `${head}已撤回。请修改资料后在报名时间内重新提交。`,
    rejected: `${head}未通过审核，已被驳回。原因：${a.reason ? asClause(a.reason) : '见报名进度'}。请登录平台查看并修改后重新提交。`,
    preliminarily_approved: `${head}已通过网上初审，进入学校审核阶段，此后不能再自主撤回。`,
    school_approved: `${head}已通过学校审核，请等待录取或派位结果。`,
    admitted: `${head}已录取，请留意学校的报到通知。`,
    not_admitted: `${head}未被录取，请留意教育局的统筹安排通知。`,
  };
  return { title: `报名进度更新：${statusNames[to]}`, body: bodies[to] };
}

/** Where the family has something to do, the SMS carries the link to the page (its in-app message has it anyway). */
const smsLinked: readonly ApplicationStatus[] = ['rejected', 'withdrawn'];

/** The SMS of a notice: its text, and for a status that asks the family to act the page's address (`publicUrl` set). */
export function smsText(body: string, to: ApplicationStatus, publicUrl: string | undefined, path: string | null): string {
  return publicUrl && path && smsLinked.includes(to) ? `${body}查看：${publicUrl}${path} ` : body;
}

/** The key of the notice of an application's change to `version`: one message and one SMS per change. */
export const applicationNoticeKey = (applicationId: string, version: number) => `application:${applicationId}:v${version}`;

/**
 * The page a notice's message opens, from the notice key that names what it is about: an application's notice
 * (`application:<id>:v<n>`) opens its 报名进度, a binding appeal's (`appeal:<id>:…`) 我的孩子 with 我的申诉, an extended
 * window's (`window:<id>:…`) the list of the family's applications; others none.
 */
export function noticeLink(noticeKey: string): string | null {
  const [kind, id] = noticeKey.split(':');
  if (kind === 'application' && id) return `/applications/${id}/progress`;
  if (kind === 'appeal') return '/me/children';
  if (kind === 'window') return '/applications';
  return null;
}

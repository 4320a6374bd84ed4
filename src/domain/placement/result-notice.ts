/** The message and SMS that tell a family the placement's result (round 1, or 第二轮派位): the school, or 统筹安排. */
export function placementNotice(child: string, school: string | null, round = 1) {
  const missed = round === 1 ? '两个志愿学校均已录满' : '第二轮派位未能录取';
  const outcome = school ? `录取到${school}` : `${missed}，将由教育局统筹安排学校`;
  const what = round === 1 ? '派位结果' : '第二轮派位结果';
  return {
    title: round === 1 ? '录取结果已公布' : '第二轮派位结果已公布',
    body: `${child}的${what}：${outcome}。请在报名进度中查看顺位、随机号和各校录取线。`,
    sms: `【桃江县入学报名】${child}的${what}：${outcome}。详情请登录报名平台查看报名进度。`,
  };
}

/** The message and SMS that tell a family how its objection was decided. */
export function objectionNotice(child: string, outcome: 'upheld' | 'dismissed', reason: string, school: string | null) {
  const result = outcome === 'upheld' ? `异议成立${school ? `，改为录取到${school}` : ''}` : `异议不成立（${reason}）`;
  return {
    title: '异议处理结果',
    body: `${child}的录取异议已处理：${result}。`,
    sms: `【桃江县入学报名】${child}的录取异议已处理：${result}。详情请登录报名平台查看报名进度。`,
  };
}

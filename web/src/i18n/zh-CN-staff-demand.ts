/** 学位预警 on the desk: every staff role reads it; administrators publish notices on the placement page. */
export const zhDemand = {
  nav: '学位预警',
  title: '学位预警',
  intro: '报名期间各校计划学位与已提交报名（未撤回、未驳回）的第一志愿人数：绿色低于学位的八成，黄色接近学位，红色超过学位。',
  season: '招生季',
  column: '报名入口与年级',
  refresh: '刷新',
  refreshed: (time: string) => `数据更新于 ${time}`,
  noSeasons: '暂无可查看的招生季。',
  noSchools: '该报名入口与年级没有可查看的学校。',
  noNotice: '未公布',
  toPlacement: '向家长公布学位预警请到「派位规则」页',
} as const;

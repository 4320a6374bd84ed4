/** The strings of 查阅记录 (who viewed my file); they load with the application pages' lazy chunk. */
export const zhAccessLog = {
  title: '查阅记录',
  link: '查阅记录：谁查看过这份报名',
  intro: '教育局和学校工作人员每次查看、导出或审核这份报名，都会记录在这里（只显示岗位和学校，不显示个人姓名）。',
  none: '还没有工作人员查看过这份报名',
  bureau: '教育局',
};

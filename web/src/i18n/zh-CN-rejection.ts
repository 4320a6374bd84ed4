/** What a rejected parent reads on each edit step (loaded with the journey's chunk). */
export const zhRejection = {
  title: '报名被驳回，请按以下原因修改后重新提交',
  reason: '驳回原因：',
  toFix: '需修改：',
  needsFix: '需修改',
  deadline: (when: string) => `请在${when}前修改并重新提交`,
  otherSteps: '需修改的内容在其他步骤：',
};

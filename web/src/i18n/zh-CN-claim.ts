/**
 * The strings of the 绑定申诉 form. They load with the form's lazy chunk (only a parent refused with 已被绑定 needs
 * them); the always-loaded 我的孩子 page keeps its few in zh-CN.ts.
 */
export const zhClaim = {
  title: '绑定申诉',
  mine: '我的申诉',
  child: (name: string, masked: string) => `申诉孩子：${name}（${masked}）`,
  intro:
    '填写您本人的身份证号码：如户籍信息显示您是孩子的父母，孩子将立即转到您的账号；否则由县教育局工作人员核实处理，结果以短信和站内消息通知。',
  parentIdNumber: '您本人的身份证号码',
  parentIdPlaceholder: '家长本人的18位身份证号码',
  reason: '申诉理由',
  reasonPlaceholder: '例如：我是孩子的父亲，孩子被不认识的手机号绑定',
  submit: '提交申诉',
  submitting: '正在提交…',
  cancel: '取消',
  granted: (name: string) => `经户籍信息核验，${name}已绑定到您的账号`,
  filed: '申诉已提交，工作人员核实后将通知您',
  bound: (name: string) => `${name}已解除原绑定，现已添加到您的账号`,
};

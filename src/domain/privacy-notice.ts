/**
 * 个人信息保护告知书: what a guardian agrees to before the platform keeps a child's data (个人信息保护法 art. 31: a
 * minor's personal information needs the guardian's consent). A change to the text gets a new version, and every
 * guardian is asked again at their next sign-in; each consent is recorded with the version and the time.
 */
export const privacyNoticeVersion = '2024-07-01';

export const privacyNotice = {
  version: privacyNoticeVersion,
  title: '个人信息保护告知书',
  sections: [
    {
      heading: '我们收集哪些信息',
      body: '您的手机号；孩子的姓名、身份证件号码和出生日期；您为报名填写的家庭成员姓名和证件号码、户籍、住房、社保、经商等信息；您上传的证明材料照片或文件。',
    },
    {
      heading: '用于什么',
      body: '仅用于本县义务教育阶段入学报名的资格审核、学位分配、结果通知，以及依法向教育、公安、人社、住建、市场监管等部门核验您填报的信息。不用于其他目的，不向任何商业机构提供。',
    },
    {
      heading: '谁能看到',
      body: '教育局和您所报学校的审核人员，在审核所需范围内查看。证件号码在列表和日志中隐去中间部分，查看完整号码的每一次操作都会被记录。',
    },
    {
      heading: '保存多久',
      body: '招生工作结束后按档案管理规定保存，期满后删除或匿名化处理。未提交的报名草稿在招生季结束后删除。',
    },
    {
      heading: '您的权利',
      body: '您可以在个人中心查阅、更正孩子和您的信息，解除孩子绑定，或联系教育局咨询电话申请复制、删除个人信息；撤回同意后将无法继续在线报名。',
    },
    {
      heading: '监护人同意',
      body: '孩子未满十四周岁，其个人信息须经监护人同意方可处理。勾选同意即表示您是孩子的父母或其他监护人，并同意按本告知书处理上述信息。',
    },
  ],
} as const;

export type PrivacyNoticeVersion = typeof privacyNotice.version;

/** Sign-in goes ahead only with the guardian's consent to the notice as it reads now. */
export function consentRefusal(acceptedVersion: string | undefined): { code: 'CONSENT_REQUIRED'; message: string } | null {
  if (acceptedVersion === privacyNotice.version) return null;
  return {
    code: 'CONSENT_REQUIRED',
    message: acceptedVersion ? '《个人信息保护告知书》已更新，请阅读并同意新版本后再登录' : '请阅读并同意《个人信息保护告知书》后再登录',
  };
}

/**
 * 个人中心's 下载我的数据 and 注销账号 (issue 15, point 6), kept apart from `zh-CN.ts` so that neither the first load nor
 * the main Worker (which prerenders the home page from `zh-CN.ts`) carries them.
 */
export const zhMyData = {
  downloadMyData: '下载我的数据',
  downloadingMyData: '正在打包…',
  myDataHint: '包含账号、孩子、报名表、记录、消息和已上传的材料（证件号码为打码后的形式）。',
  deleteAccount: '注销账号',
  deletionChecking: '正在查询…',
  deletionWarning: '注销后无法恢复。注销前可先下载我的数据。',
  deletionDeletes: '将删除',
  deletionDeletesItems: [
    '手机号与所有登录状态（各设备都会退出），此手机号以后可重新注册为新账号',
    '我的消息和申诉记录',
    '从未提交的报名草稿，以及当前招生季已撤回或被驳回的报名，连同上传的材料和记录',
    '没有需要保留的报名记录的孩子',
  ],
  deletionDeletesApplications: (numbers: string) => `将删除的报名：${numbers}`,
  deletionKeeps: '依法保留',
  deletionKeepsText:
    '已结束的招生季中提交过的报名由教育局依法保存（报名表、材料、审核和派位记录、一房一位的房产占用记录，以及孩子的姓名和证件号码），保存至该招生季的保存期限；到期后材料删除、报名表清空，只留下报名编号、孩子的姓名和证件号码、志愿学校、审核和派位结果。另保留：账号编号和注册、注销时间（不含手机号），您同意的隐私告知书版本和同意时间，以及平台的操作日志。',
  deletionKeptUntil: (season: string, number: string, status: string, until: string | null) =>
    `${season} 报名 ${number}（${status}）：${until ? `保存至 ${until}` : '保存至教育局设定的保存期限'}`,
  deletionNothingKept: '您没有需要保留的报名记录。',
  confirmDeletion: '确认注销',
  deleting: '正在注销…',
  cancel: '取消',
};

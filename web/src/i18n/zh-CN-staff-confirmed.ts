/** 录取名单: a school's placed applications with 确认入学, and its exports. */
export const zhConfirmed = {
  nav: '录取名单',
  title: '录取名单',
  intro:
    '已公布录取结果中录取到本校的学生及家长确认入学情况。导出文件按学籍系统导入模板的列顺序生成，含完整身份证件号；每次导出都会留痕，家长可在查阅记录中看到。',
  school: '学校',
  season: '招生季',
  state: '确认状态',
  allStates: '全部',
  none: '暂无录取到该校的学生。',
  noResults: '还没有已公布的录取结果。',
  count: (shown: number, all: number) => (shown === all ? `共 ${all} 人` : `显示 ${shown} 人（共 ${all} 人）`),
  exportXlsx: '导出 XLSX',
  exportCsv: '导出 CSV',
  exporting: '正在生成文件…',
  exported: (rows: number, name: string) => `已导出 ${rows} 人：${name}`,
} as const;

/** Every string the parent pages show. zh-CN is the source dictionary; other languages would mirror its keys. */
export const zhCN = {
  platform: '桃江县中小学入学报名平台',
  home: '首页',
  back: '返回',

  window: {
    open: '正在报名',
    upcoming: '报名尚未开始',
    closed: '报名已结束',
    time: '报名时间',
  },

  orderNotice: {
    title: '温馨提示',
    body: '系统报名顺序与入学分配学校次序无关，不需扎堆在高峰期报名。',
  },

  regions: {
    pick: '请选择报名区域',
    none: '暂无开放报名的区域',
  },

  entries: {
    heading: '选择报名入口',
    hint: '请看清报名入口，根据孩子的真实情况选择，防止选错影响学位申报。',
    for: '适用',
    open: '查看报名通道',
    /** The card mark of an entry spanning several grades (插班生转学). */
    transferMark: '转',
  },

  help: {
    heading: '政策与帮助',
    schools: '学校与招生范围',
  },

  /** Short names of the policy pages for links; the page itself shows the full title from the API. */
  pages: {
    policy: '招生工作方案',
    manual: '家长操作手册',
    faq: '常见问题',
    declaration: '报名须知',
  } as Record<string, string>,

  entry: {
    channelsOf: (n: number) => `共 ${n} 个报名通道`,
    pickHint: '点开每个报名通道，查看说明和需要准备的材料，再根据家庭真实情况选择。',
    definition: '通道说明',
    documents: '需要准备的材料',
    verifiable: '系统可查验',
    manualProof: '需人工审核证明材料',
    anyOne: '以下任选其一',
    conditional: '视情况提供',
    signInSoon: '登录后即可报名（即将开放）',
  },

  schools: {
    title: '学校与招生范围',
    community: '按社区筛选',
    allCommunities: '全部社区',
    capacity: (n: number) => `计划学位 ${n} 个`,
    catchment: '招生范围',
    none: '没有找到服务该社区的学校',
    count: (n: number) => `共 ${n} 所学校`,
    filterHint: '选择您家所在的社区，查看可以填报的学校。',
  },

  levels: { primary: '小学', junior: '初中' } as Record<string, string>,

  loading: '正在加载…',
  errors: {
    network: '网络异常，请稍后重试',
    notFound: '页面不存在',
    notFoundHint: '链接可能已失效，请返回首页重新选择。',
    server: '系统繁忙，请稍后再试',
    retry: '重试',
  },
};

/** 1 → 一 … 9 → 九: grades as parents say them. */
const numerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export const chineseNumeral = (n: number) => numerals[n] ?? String(n);

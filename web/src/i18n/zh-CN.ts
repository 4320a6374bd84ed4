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
    pick: '请选择孩子入学的乡镇',
    pickHint: '各乡镇的报名时间、学校和招生范围不同，请选择孩子将要入学的乡镇。下次打开会直接进入所选乡镇。',
    season: (season: string) => `${season}义务教育阶段入学报名`,
    none: '暂无开放报名的区域',
    noSeason: '暂未开放报名',
    switchTown: '切换乡镇',
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
    placement: '派位规则与摇号公示',
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
    terms: '审核条件',
    documents: '需要准备的材料',
    verifiable: '系统可查验',
    manualProof: '需人工审核证明材料',
    anyOne: '以下任选其一',
    conditional: '视情况提供',
    start: '开始报名',
    signInToStart: '登录后开始报名',
    notOpen: { upcoming: '报名尚未开始', closed: '报名已结束' } as Record<string, string>,
  },

  schools: {
    title: '学校与招生范围',
    community: '按社区筛选',
    allCommunities: '全部社区',
    capacity: (n: number) => `计划学位 ${n} 个`,
    demand: '学位预警：',
    catchment: '招生范围',
    none: '没有找到服务该社区的学校',
    count: (n: number) => `共 ${n} 所学校`,
    filterHint: '选择您家所在的社区，查看可以填报的学校。',
    phone: '咨询电话',
  },

  contact: {
    sponsor: '主办单位',
    phone: '咨询电话',
    address: '办公地址',
    questions: (who: string) => `如有疑问，请拨打${who}咨询电话：`,
    icpSite: 'https://beian.miit.gov.cn/',
  },

  levels: { primary: '小学', junior: '初中' } as Record<string, string>,

  account: {
    signIn: '登录',
    me: '个人中心',
    unread: (n: number) => `${n}条未读消息`,
  },

  /** The top bar's switch to larger text and controls (适老化). */
  largeText: '长辈模式',

  login: {
    title: '登录',
    intro: '使用手机号和短信验证码登录。未注册的手机号登录后自动创建账号。',
    phone: '手机号',
    phonePlaceholder: '请输入11位手机号',
    code: '验证码',
    codePlaceholder: '6位数字验证码',
    sendCode: '获取验证码',
    sending: '正在发送…',
    resendIn: (s: number) => `${s}秒后重新获取`,
    sentTo: (phone: string, minutes: number) => `验证码已发送至 ${phone}，${minutes}分钟内有效`,
    submit: '登录',
    submitting: '正在登录…',
    demoInbox: '查看演示短信',
    demoHint: '演示模式：短信不会真的发出，可在演示短信收件箱中查看验证码。',
    consentBefore: '我是孩子的监护人，已阅读并同意',
    consentLink: '《个人信息保护告知书》',
    consentMissing: '请阅读并同意《个人信息保护告知书》后再登录',
  },

  result: {
    title: (child: string) => `${child}的录取结果`,
    roundTwo: '第二轮派位',
    placed: (school: string) => `录取学校：${school}`,
    unplaced: '志愿学校均已录满，将由教育局统筹安排学校，请留意后续通知。',
    answerBy: (when: string) => `请在${when}前确认入学或放弃学位`,
    open: '查看录取结果',
  },

  rejected: {
    title: (child: string) => `${child}的报名被驳回，请修改后重新提交`,
    reason: '驳回原因：',
    deadline: (when: string) => `请在${when}前修改并重新提交`,
    fix: '去修改',
  },

  privacy: {
    back: '返回登录',
    version: (v: string) => `版本 ${v}`,
  },

  devInbox: {
    title: '演示短信收件箱',
    hint: '演示模式下平台“发送”的短信都在这里，最新的在最前。',
    filter: '按手机号筛选',
    apply: '筛选',
    all: '全部',
    none: '暂无短信',
    backToLogin: '返回登录',
  },

  me: {
    title: '个人中心',
    phone: '登录手机号',
    showFull: '显示完整号码',
    hideFull: '隐藏',
    children: '我的孩子',
    messages: '我的消息',
    applications: '报名进度',
    /** The home page's way to 报名进度: the guide's 报名进度查看和撤销 (二(七)) with the one word the app uses for withdrawing, 撤回. */
    applicationsHome: '报名进度查看和撤回',
    changePhone: '更换手机号',
    newPhone: '新手机号',
    newPhoneHint: '验证码将发送到新手机号，验证后以新手机号登录。',
    confirmChange: '确认更换',
    changing: '正在更换…',
    changed: (phone: string) => `已更换为 ${phone}`,
    cancel: '取消',
    signOut: '退出登录',
    signingOut: '正在退出…',
  },

  children: {
    title: '我的孩子',
    none: '还没有添加孩子',
    count: (n: number) => `已绑定 ${n} 个孩子`,
    idType: '证件类型',
    idNumber: '证件号码',
    birthDate: '出生日期',
    add: '添加孩子',
    adding: '正在添加…',
    name: '孩子姓名',
    namePlaceholder: '与户口簿一致',
    idNumberPlaceholder: '请输入证件号码',
    added: (name: string) => `已添加 ${name}`,
    backToApply: '返回报名',
    rename: '修改姓名',
    save: '保存',
    saving: '正在保存…',
    cancel: '取消',
    remove: '删除',
    removing: '正在删除…',
    confirmRemove: '确认删除',
    removeQuestion: (name: string) => `确定删除孩子“${name}”吗？`,
    removeHint: '删除即解除绑定：解除后，孩子的另一位家长可以用自己的手机号绑定该孩子。',
  },

  claim: {
    open: '申诉',
    openHint: '是您的孩子，但不认识或联系不上该手机号？可提交绑定申诉。',
  },

  messages: {
    title: '我的消息',
    none: '暂无消息',
    unread: '未读',
    /** The link of a message, by the page it opens. */
    open: (link: string) => (link.startsWith('/applications/') ? '查看报名进度' : '查看我的孩子'),
  },

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

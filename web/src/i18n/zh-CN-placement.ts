/** 派位规则与摇号公示 (`/regions/:regionId/placement`): in the later pages' chunk only. */
export const zhPlacement = {
  title: '派位规则与摇号公示',
  tiers: '录取顺位',
  mechanism: '派位方式',
  mechanisms: {
    da: '按您填报的两个志愿依次申请：第一志愿学校录满后，按顺位和随机号公平参加第二志愿学校的录取。如实填报志愿永远不吃亏。',
    ia: '志愿优先：先录取第一志愿，第一志愿未被录取的再参加第二志愿学校剩余学位的录取。',
  } as Record<string, string>,
  propertyLock: '一房一位',
  lottery: '公开摇号',
  lotteryHow:
    '报名截止前，各摇号监督人登记一个只有自己知道的秘密随机数，平台在此公布它的 SHA-256 摘要（承诺值）和登记时间。报名全部截止后，监督人公开秘密随机数，任何人都可以核对它与承诺值是否一致；摇号种子由全部秘密随机数算出，报名期间谁也无法知道或操纵。',
  noObservers: '摇号监督人尚未登记。',
  observer: (name: string, role: string) => `${name}（${role}）`,
  committedAt: (at: string) => `登记于 ${at}`,
  commitment: '承诺值',
  contribution: '公开的秘密随机数',
  notYet: '报名截止后公开',
  draws: '正式派位',
  drawsHow:
    '摇号种子由全部监督人公开的秘密随机数算出。下载以下匿名输入文件（只有报名编号、志愿和顺位，不含姓名和证件号）和结果文件，任何人都可以用公开的程序重新计算并逐字节核对。第二轮派位在第一轮放弃和逾期未确认的学位中进行，种子和每份申请的随机号与第一轮相同，另有自己的输入和结果文件。',
  draw: (entry: string, grade: number, at: string, round = 1) => `${entry}（${grade}年级）${round === 2 ? ' · 第二轮派位' : ''} · ${at}`,
  roundTwo: '第二轮派位',
  seed: '种子',
  inputs: '输入文件',
  results: '结果文件',
  counts: (applicants: number, unplaced: number) => `共 ${applicants} 人参加派位，统筹安排 ${unplaced} 人`,
  publicity: '录取公示',
  publicityUntil: (what: string, until: string) => `${what}：公示至 ${until}`,
  admitted: (school: string, n: number) => `${school}（${n} 人）`,
  unplaced: (n: number) => `统筹安排（${n} 人）`,
  entry: (number: string, name: string) => `${number} ${name}`,
};

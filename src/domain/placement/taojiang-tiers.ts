import type { TierTable } from './tiers';

const catchmentChannels = ['public-servant', 'business', 'migrant-worker', 'park-enterprise'] as const;

/** A plausible default for 桃花江镇 (administrators may edit it per season): the order of the province's usual 入学顺位. */
export const taojiangTiers: TierTable = [
  { label: '军人、烈士、英模子女', rule: { channels: ['military'] } },
  { label: '户籍在本校服务片区', rule: { channels: ['hukou'], inCatchment: true } },
  { label: '房产在本校服务片区', rule: { channels: ['property'], inCatchment: true } },
  { label: '公职人员、经商、务工、园区企业子女，居住在本校服务片区', rule: { channels: catchmentChannels, inCatchment: true } },
  { label: '兄弟姐妹在本校就读', rule: { sibling: true } },
  { label: '其他适龄儿童', rule: {} },
];

/** The table as lines for the public policy page, one per tier, best first. */
export function tierDescriptionLines(table: TierTable): string[] {
  return table.map((tier, i) => `第${i + 1}顺位：${tier.label}`);
}

export const tierRulesIntro = '同一学校内按以下顺位录取；同一顺位内按公开摇号产生的随机号从小到大录取。报名先后不影响录取。';

/**
 * Seed: 桃江县 · 灰山港镇 · 2024年秋季义务教育阶段入学报名 — the demo's second town, with a window, schools and
 * communities of its own, so that the demo shows every part of the platform working per region.
 *
 * The county's channels and tracks are the same as 桃花江镇's (one policy for the county); transfers are handled at
 * the schools in this town, so it has no 插班生 entry.
 * NOTE: illustrative demo data. 灰山港镇 is a town of 桃江县; the communities, schools, places, addresses,
 * 咨询电话 and catchments below are invented for the demo.
 */
import { declarationPage, faqPage, grade1Tracks, grade7Tracks } from './taojiang-2024';
import { taojiangTiers } from '../../src/domain/placement/taojiang-tiers';
import type { SeedEntry, SeedPage, SeedSchool, SeedSeason } from './types';

const opensAt = '2024-07-12T00:00:00+08:00';
const closesAt = '2024-07-22T00:00:00+08:00';

const entries: SeedEntry[] = [
  {
    code: 'grade1',
    name: '小学一年级新生',
    description: '适用于今年秋季在灰山港镇上小学一年级的孩子：到2024年8月31日年满6周岁（2018年8月31日及以前出生）。',
    opensAt,
    closesAt,
    tracks: grade1Tracks,
  },
  {
    code: 'grade7',
    name: '初中七年级新生',
    description: '适用于2024年小学毕业、今年秋季在灰山港镇上初一（七年级）的学生。',
    opensAt,
    closesAt,
    tracks: grade7Tracks,
  },
];

const communities = ['灰山港社区', '金沙洲社区', '朝阳村', '连河冲村', '先锋村', '大栗港村'] as const;
type Community = (typeof communities)[number];
const serves = (...names: Community[]): string[] => names;

const schools: SeedSchool[] = [
  {
    code: 'huishangang-central-primary',
    name: '桃江县灰山港镇中心小学',
    level: 'primary',
    places: [{ entry: 'grade1', grade: 1, places: 270 }],
    address: '桃江县灰山港镇港中路18号',
    contactPhone: '0737-8561023',
    communities: serves('灰山港社区', '金沙洲社区', '朝阳村'),
  },
  {
    code: 'huishangang-second-primary',
    name: '桃江县灰山港镇第二完全小学',
    level: 'primary',
    places: [{ entry: 'grade1', grade: 1, places: 135 }],
    address: '桃江县灰山港镇连河冲村学堂组',
    contactPhone: '0737-8561188',
    communities: serves('灰山港社区', '连河冲村', '先锋村', '大栗港村'),
  },
  {
    code: 'huishangang-junior',
    name: '桃江县灰山港镇中学',
    level: 'junior',
    places: [{ entry: 'grade7', grade: 7, places: 400 }],
    address: '桃江县灰山港镇港中路66号',
    contactPhone: '0737-8561099',
    communities: serves('灰山港社区', '金沙洲社区', '朝阳村', '连河冲村', '先锋村', '大栗港村'),
  },
];

const policyPage: SeedPage = {
  slug: 'policy',
  title: '灰山港镇2024年秋季义务教育阶段招生工作方案',
  body: `本页为演示数据，供家长报名前阅读。具体以教育局公布为准。

## 一、招生范围

- 小学一年级新生：到2024年8月31日年满6周岁、居住在灰山港镇的适龄儿童。
- 初中七年级新生：2024年小学毕业、在灰山港镇就读初中的学生。
- 插班转学请直接到学校咨询。

## 二、报名时间

灰山港镇入学报名平台于2024年7月12日零时开放，至7月21日24时关闭，共开放10天。

## 三、报名通道与材料

报名通道、条件和材料与全县一致，见各通道的说明。各学校的招生范围见“学校与招生范围”。`,
};

export const huishangang2024: SeedSeason = {
  region: {
    code: 'huishangang',
    name: '灰山港镇',
    contactPhone: '0737-8561000',
    address: '桃江县灰山港镇港中路1号 镇中心学校招生办',
    sponsor: '桃江县教育局',
    icp: '湘ICP备00000000号-1',
    sort: 1,
  },
  season: { code: '2024-autumn', name: '2024年秋季', year: 2024 },
  communities: [...communities],
  entries,
  schools,
  pages: [policyPage, faqPage, declarationPage],
  placementTiers: taojiangTiers,
};

/**
 * A deterministic synthetic copy of the authority records for 桃花江镇: a few thousand families living in the
 * seeded communities, their hukou households, property, employee pension insurance, business licences and
 * public-servant posts, plus the named edge cases tests and the demo rely on (`edgeCases`).
 *
 * Everything is invented. Names are common Chinese names; ID numbers are valid GB 11643 numbers (real region prefixes,
 * real birth dates, check character) but are made up by a seeded PRNG. Generation uses integer arithmetic and UTC
 * dates only (no Math.random, no locale, no node: imports), so the same seed gives the same dataset on every host,
 * the Worker included, in well under 200 ms.
 *
 * The records are a snapshot as of `datasetAsOf` (the opening day of the 2024 window): pension `months` count the
 * calendar months paid from the first payment's month up to and including July 2024, so for a continuous payer
 * "first paid before 2023-09-01" and "at least 12 months" say the same thing.
 *
 * 2018-01-01 is never a generated birth date: test helpers (test/helpers/identity.ts) build children's numbers on
 * that day and expect them to be unknown to the records.
 */
import { checkCharacter } from '../domain/identity';
import type { BusinessLicenceRecord, HouseholdRelation, PensionRecord, PropertyRecord, PublicServantRecord } from './records';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export const datasetSeed = 20240715;
/** The day the records are a snapshot of. */
export const datasetAsOf = '2024-07-15';
/** Families generated besides the edge cases. */
export const defaultFamilyCount = 3000;

/**
 * The communities (社区/村) of 桃花江镇, as db/seed/taojiang-2024.ts seeds them; every synthetic family lives in one.
 * (Kept here rather than imported, so the dataset does not change when the seed file is edited; the unit test checks
 * that the two lists agree.)
 */
export const townCommunities = [
  '资江社区',
  '桃花社区',
  '迎宾社区',
  '凤凰山社区',
  '三里桥社区',
  '牛潭河社区',
  '花果山社区',
  '桃谷山社区',
  '美人窝社区',
  '羞女山社区',
  '高桥社区',
  '石牛江村',
  '狮子山村',
  '竹金村',
] as const;

export type Sex = 'male' | 'female';

/** Someone the identity register knows, under the name registered for the ID number. */
export interface SyntheticPerson {
  name: string;
  idNumber: string;
  birthDate: string;
  sex: Sex;
}

export interface SyntheticMember {
  idNumber: string;
  name: string;
  relation: HouseholdRelation;
  registeredOn: string;
}

export interface SyntheticHousehold {
  householdId: string;
  address: string;
  community: string;
  /** Head first. */
  members: SyntheticMember[];
}

/**
 * `town`: the family's hukou is in the town; `migrant`: registered at its home place, living in the town;
 * `grandparents`: the children are registered with their grandparents in the town, the parents elsewhere.
 */
export type FamilyKind = 'town' | 'migrant' | 'grandparents';

export interface SyntheticFamily {
  /** `f0001`… for generated families, the edge-case key for edge cases. */
  key: string;
  kind: FamilyKind;
  /** Where the family lives: one of `townCommunities`. */
  community: string;
  address: string;
  father: SyntheticPerson;
  mother: SyntheticPerson;
  /** Oldest first. */
  children: SyntheticPerson[];
  /** Set on the families of the edge cases. */
  edgeCase?: EdgeCaseKey;
}

export interface SyntheticDataset {
  seed: number;
  asOf: string;
  /** Every family with records (the `noRecords` edge case has none, so it is not here). */
  families: SyntheticFamily[];
  /** The identity register: everyone with a record, grandparents included. */
  people: SyntheticPerson[];
  households: SyntheticHousehold[];
  properties: PropertyRecord[];
  pensions: PensionRecord[];
  licences: BusinessLicenceRecord[];
  publicServants: PublicServantRecord[];
}

// ---------------------------------------------------------------------------
// Edge cases
// ---------------------------------------------------------------------------

export type EdgeCaseKey =
  | 'hukouBeforeCutoff'
  | 'hukouOnCutoff'
  | 'pension12Months'
  | 'pension11Months'
  | 'licenceBeforeCutoff'
  | 'licenceOnCutoff'
  | 'noRecords'
  | 'nameMismatch'
  | 'hukouWithoutRelation'
  | 'propertyOwner'
  | 'publicServant';

export type Parent = 'father' | 'mother';

export interface EdgeCaseChild extends SyntheticPerson {
  /** `name` is what a parent enters. Only for `nameMismatch`: the different name the records hold for the ID number. */
  registeredName?: string;
}

/** What the records hold for the case (the child's hukou, and whichever parent record makes the case). */
export interface EdgeCaseFacts {
  /** The child's hukou community, or `null` when the records have no hukou for the child. */
  hukouCommunity: string | null;
  /** The child's hukou registration date, or `null`. */
  hukouRegisteredOn: string | null;
  /** Whether a parent is in the child's hukou household (the booklet shows the relation); `null` without a record. */
  hukouShowsRelation: boolean | null;
  pension?: { holder: Parent; employer: string; firstPaidOn: string; months: number; active: boolean };
  licence?: { holder: Parent; name: string; licenceNumber: string; issuedOn: string; community: string };
  property?: { owners: Parent[]; certificateNumber: string; registeredOn: string; community: string };
  publicServant?: { holder: Parent; employer: string; since: string };
}

export interface EdgeCase {
  key: EdgeCaseKey;
  /** One line for demos and test names. */
  label: string;
  /** Where the family lives (what a parent enters as 居住社区): one of `townCommunities`. */
  community: string;
  address: string;
  father: SyntheticPerson;
  mother: SyntheticPerson;
  child: EdgeCaseChild;
  /** `hukouWithoutRelation` only: the grandparents the child is registered with. */
  grandparents?: SyntheticPerson[];
  facts: EdgeCaseFacts;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian; integer arithmetic, no Date objects). */
function toDays(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `YYYY-MM-DD` date of a day number (inverse of `toDays`). */
function fromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
const addDays = (date: string, n: number) => fromDays(toDays(date) + n);
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Months paid from `firstPaidOn`'s month up to and including the snapshot month (or `lastPaidMonthIndex`). */
export function pensionMonths(firstPaidOn: string, lastPaidOn: string = datasetAsOf): number {
  return monthIndex(lastPaidOn) - monthIndex(firstPaidOn) + 1;
}

/** A resident ID number: region (6 digits), birth date `YYYY-MM-DD`, 3-digit sequence (odd = male). */
function residentId(region: string, birthDate: string, sequence: string): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + checkCharacter(first17);
}

function edgePerson(name: string, region: string, birthDate: string, sequence: string): SyntheticPerson {
  return { name, idNumber: residentId(region, birthDate, sequence), birthDate, sex: Number(sequence) % 2 === 1 ? 'male' : 'female' };
}

const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A 统一社会信用代码 with valid check characters: `91` (enterprise) or `92` (individual business), the region, an
 * organisation code (8 characters + GB 11714 check) and the GB 32100 check character.
 */
function creditCode(kind: '91' | '92', region: string, orgBody: string): string {
  let orgSum = 0;
  for (let i = 0; i < 8; i++) {
    const c = orgBody[i]!;
    orgSum += (c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55) * orgWeights[i]!;
  }
  const orgCheck = 11 - (orgSum % 11);
  const org = orgBody + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
  const first17 = `${kind}${region}${org}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccAlphabet.indexOf(first17[i]!) * usccWeights[i]!;
  return first17 + usccAlphabet[(31 - (sum % 31)) % 31]!;
}

const townArea = '湖南省桃江县桃花江镇';

/** An edge case; `hukouShowsRelation` defaults to true with a hukou record and null without. */
function edge(
  spec: Omit<EdgeCase, 'facts'> & { facts: Omit<EdgeCaseFacts, 'hukouShowsRelation'> & { hukouShowsRelation?: boolean | null } },
): EdgeCase {
  const noHukou = spec.facts.hukouRegisteredOn === null;
  return { ...spec, facts: { ...spec.facts, hukouShowsRelation: spec.facts.hukouShowsRelation ?? (noHukou ? null : true) } };
}

/**
 * The named edge cases: fixed people and dates, the same whatever the seed. Every child is old enough for grade 1
 * in 2024 (born 2017-09-01 … 2018-08-31). Cut-offs of the 2024 season: hukou before 2024-03-01; licence and pension
 * insurance before 2023-09-01, at least 12 months of pension insurance.
 */
export const edgeCases: Readonly<Record<EdgeCaseKey, EdgeCase>> = {
  hukouBeforeCutoff: edge({
    key: 'hukouBeforeCutoff',
    label: '户籍登记于 2024-02-29（迁入城区，早于 2024-03-01）',
    community: '迎宾社区',
    address: `${townArea}迎宾社区迎宾路88号`,
    father: edgePerson('刘建军', '430922', '1985-03-12', '213'),
    mother: edgePerson('陈丽娟', '430922', '1987-06-21', '224'),
    child: edgePerson('刘思琪', '430922', '2018-03-15', '026'),
    facts: { hukouCommunity: '迎宾社区', hukouRegisteredOn: '2024-02-29' },
  }),
  hukouOnCutoff: edge({
    key: 'hukouOnCutoff',
    label: '户籍登记于 2024-03-01（迁入城区，不早于 2024-03-01）',
    community: '桃花社区',
    address: `${townArea}桃花社区桃花中路135号`,
    father: edgePerson('周志强', '430922', '1984-09-05', '317'),
    mother: edgePerson('李芳', '430922', '1986-01-18', '328'),
    child: edgePerson('周子轩', '430922', '2017-11-02', '051'),
    facts: { hukouCommunity: '桃花社区', hukouRegisteredOn: '2024-03-01' },
  }),
  pension12Months: edge({
    key: 'pension12Months',
    label: '父亲职工养老保险 2023-08-01 起连续缴纳 12 个月（户籍在安化县）',
    community: '三里桥社区',
    address: `${townArea}三里桥社区三里桥路47号`,
    father: edgePerson('彭国平', '430923', '1982-07-14', '135'),
    mother: edgePerson('谌小红', '430923', '1984-02-26', '146'),
    child: edgePerson('彭雨涵', '430923', '2018-05-20', '082'),
    facts: {
      hukouCommunity: '东坪镇新民村',
      hukouRegisteredOn: '2018-06-02',
      pension: { holder: 'father', employer: '桃江县鑫达竹业有限公司', firstPaidOn: '2023-08-01', months: 12, active: true },
    },
  }),
  pension11Months: edge({
    key: 'pension11Months',
    label: '父亲职工养老保险 2023-09-01 起连续缴纳 11 个月（户籍在邵东市）',
    community: '牛潭河社区',
    address: `${townArea}牛潭河社区牛潭河路23号`,
    father: edgePerson('曾德明', '430521', '1983-04-19', '251'),
    mother: edgePerson('肖美玲', '430521', '1985-08-30', '262'),
    child: edgePerson('曾浩然', '430521', '2017-12-08', '113'),
    facts: {
      hukouCommunity: '廉桥镇和平村',
      hukouRegisteredOn: '2017-12-20',
      pension: { holder: 'father', employer: '桃江县华盛建材有限公司', firstPaidOn: '2023-09-01', months: 11, active: true },
    },
  }),
  licenceBeforeCutoff: edge({
    key: 'licenceBeforeCutoff',
    label: '母亲营业执照 2023-08-31 取得（资江社区，户籍在汨罗市）',
    community: '资江社区',
    address: `${townArea}资江社区资江路76号`,
    father: edgePerson('罗志刚', '430681', '1984-01-27', '193'),
    mother: edgePerson('黄晓燕', '430681', '1986-03-11', '204'),
    child: edgePerson('罗一诺', '430681', '2018-02-14', '062'),
    facts: {
      hukouCommunity: '长乐镇金星村',
      hukouRegisteredOn: '2018-03-01',
      licence: {
        holder: 'mother',
        name: '桃江县桃花江镇晓燕副食店',
        licenceNumber: creditCode('92', '430922', 'MA4L2Q8N'),
        issuedOn: '2023-08-31',
        community: '资江社区',
      },
    },
  }),
  licenceOnCutoff: edge({
    key: 'licenceOnCutoff',
    label: '父亲营业执照 2023-09-01 取得（凤凰山社区，户籍在福建南安）',
    community: '凤凰山社区',
    address: `${townArea}凤凰山社区凤凰山路102号`,
    father: edgePerson('林建华', '350583', '1981-09-23', '035'),
    mother: edgePerson('吴晓玲', '350583', '1983-05-06', '046'),
    child: edgePerson('林梓豪', '350583', '2018-07-09', '017'),
    facts: {
      hukouCommunity: '水头镇石桥村',
      hukouRegisteredOn: '2018-07-25',
      licence: {
        holder: 'father',
        name: '桃江县林氏石材有限公司',
        licenceNumber: creditCode('91', '430922', 'MA4P7C3K'),
        issuedOn: '2023-09-01',
        community: '凤凰山社区',
      },
    },
  }),
  noRecords: edge({
    key: 'noRecords',
    label: '查无记录（三人的身份证号码均不在权威库中）',
    community: '高桥社区',
    address: `${townArea}高桥社区高桥路56号`,
    father: edgePerson('赵明亮', '430922', '1989-04-17', '455'),
    mother: edgePerson('孙婷', '430922', '1990-09-02', '466'),
    child: edgePerson('赵欣怡', '430922', '2018-04-26', '488'),
    facts: { hukouCommunity: null, hukouRegisteredOn: null },
  }),
  nameMismatch: edge({
    key: 'nameMismatch',
    label: '孩子姓名与身份证号码不符（登记为王梓涵，填写为王子涵）',
    community: '美人窝社区',
    address: `${townArea}美人窝社区美人窝路19号`,
    father: edgePerson('王海涛', '430922', '1986-05-20', '379'),
    mother: edgePerson('蒋玉兰', '430922', '1988-02-14', '380'),
    child: { ...edgePerson('王子涵', '430922', '2017-10-19', '104'), registeredName: '王梓涵' },
    facts: { hukouCommunity: '美人窝社区', hukouRegisteredOn: '2017-11-06' },
  }),
  hukouWithoutRelation: edge({
    key: 'hukouWithoutRelation',
    label: '户口簿不能体现亲子关系（孩子随祖父母登记在竹金村，父母户籍在武潭镇）',
    community: '竹金村',
    address: `${townArea}竹金村4组27号`,
    father: edgePerson('胡立新', '430922', '1985-06-01', '271'),
    mother: edgePerson('龚雪梅', '430922', '1987-09-23', '282'),
    child: edgePerson('胡欣妍', '430922', '2017-12-25', '146'),
    grandparents: [edgePerson('胡德生', '430922', '1955-03-10', '031'), edgePerson('邹桂英', '430922', '1957-08-12', '042')],
    facts: { hukouCommunity: '竹金村', hukouRegisteredOn: '2018-01-20', hukouShowsRelation: false },
  }),
  propertyOwner: edge({
    key: 'propertyOwner',
    label: '父母在花果山社区有房产（2021-06-18 登记，户籍在赫山区）',
    community: '花果山社区',
    address: `${townArea}花果山社区花果山路28号3栋2单元501`,
    father: edgePerson('郭建平', '430903', '1980-07-16', '019'),
    mother: edgePerson('夏丽', '430903', '1982-01-03', '020'),
    child: edgePerson('郭晨曦', '430903', '2018-06-02', '037'),
    facts: {
      hukouCommunity: '兰溪镇青山村',
      hukouRegisteredOn: '2018-06-18',
      property: {
        owners: ['father', 'mother'],
        certificateNumber: '湘(2021)桃江县不动产权第0006180号',
        registeredOn: '2021-06-18',
        community: '花果山社区',
      },
    },
  }),
  publicServant: edge({
    key: 'publicServant',
    label: '母亲为桃江县人民医院在编人员（2012-09-01 调入），城区户籍',
    community: '桃谷山社区',
    address: `${townArea}桃谷山社区桃谷山路61号`,
    father: edgePerson('符志勇', '430922', '1985-08-22', '399'),
    mother: edgePerson('文静', '430922', '1987-04-15', '400'),
    child: edgePerson('符诗涵', '430922', '2017-09-15', '068'),
    facts: {
      hukouCommunity: '桃谷山社区',
      hukouRegisteredOn: '2017-10-08',
      publicServant: { holder: 'mother', employer: '桃江县人民医院', since: '2012-09-01' },
    },
  }),
};

export const edgeCaseKeys = Object.keys(edgeCases) as EdgeCaseKey[];

// ---------------------------------------------------------------------------
// Name and place pools
// ---------------------------------------------------------------------------

const surnames = [
  '刘',
  '李',
  '王',
  '张',
  '陈',
  '杨',
  '周',
  '黄',
  '邓',
  '罗',
  '彭',
  '曾',
  '谢',
  '胡',
  '文',
  '龚',
  '郭',
  '符',
  '莫',
  '汤',
  '蒋',
  '贺',
  '熊',
  '肖',
  '夏',
  '丁',
  '姚',
  '蔡',
  '龙',
  '谌',
  '邹',
  '何',
  '朱',
  '徐',
  '吴',
  '赵',
  '孙',
  '袁',
  '魏',
  '卜',
];
const maleAdultNames = [
  '伟',
  '强',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '超',
  '明',
  '刚',
  '平',
  '辉',
  '鹏',
  '华',
  '飞',
  '波',
  '凯',
  '健',
  '龙',
  '磊',
  '志强',
  '建华',
  '国平',
  '海涛',
  '文斌',
  '志明',
  '建军',
  '德明',
  '立新',
  '小龙',
  '卫东',
  '建平',
  '志刚',
  '红军',
  '俊杰',
  '海波',
  '永红',
  '国庆',
  '建国',
  '光辉',
  '振华',
  '文杰',
  '长青',
  '新民',
  '雄',
  '浩',
  '峰',
  '亮',
  '兵',
  '林',
];
const femaleAdultNames = [
  '丽',
  '芳',
  '娟',
  '敏',
  '静',
  '燕',
  '红',
  '霞',
  '艳',
  '玲',
  '婷',
  '琴',
  '英',
  '慧',
  '萍',
  '丽娟',
  '小红',
  '秀英',
  '晓燕',
  '美玲',
  '玉兰',
  '雪梅',
  '桂芳',
  '海燕',
  '春花',
  '丽华',
  '金凤',
  '小芳',
  '艳红',
  '秋菊',
  '建英',
  '淑华',
  '佳',
  '琳',
  '倩',
];
const boyNames = [
  '梓轩',
  '浩然',
  '宇轩',
  '子墨',
  '铭泽',
  '俊熙',
  '皓轩',
  '沐阳',
  '锦程',
  '天佑',
  '奕辰',
  '子豪',
  '博文',
  '睿',
  '轩',
  '一鸣',
  '思远',
  '嘉懿',
  '宇航',
  '承泽',
  '子骞',
  '俊宇',
  '晨阳',
  '明哲',
  '瑞霖',
  '泽宇',
  '昊天',
  '梓睿',
  '煜',
  '宸',
];
const girlNames = [
  '欣怡',
  '梓涵',
  '诗涵',
  '雨涵',
  '思琪',
  '可馨',
  '若汐',
  '梓萱',
  '语桐',
  '嘉怡',
  '芷若',
  '一诺',
  '子涵',
  '梦瑶',
  '雨桐',
  '佳琪',
  '紫萱',
  '欣妍',
  '心怡',
  '依诺',
  '安琪',
  '晨曦',
  '诗琪',
  '语嫣',
  '钰涵',
  '甜',
  '悦',
  '萱',
  '宁',
  '妍',
];

/** Streets per urban community; villages use 组 numbers instead. */
const streets: Record<string, readonly string[]> = {
  资江社区: ['资江路', '资江西路', '建设路'],
  桃花社区: ['桃花中路', '桃花西路', '桃花东路'],
  迎宾社区: ['迎宾路', '迎宾东路'],
  凤凰山社区: ['凤凰山路', '凤凰路'],
  三里桥社区: ['三里桥路', '三里桥南路'],
  牛潭河社区: ['牛潭河路', '河滨路'],
  花果山社区: ['花果山路', '花果山北路'],
  桃谷山社区: ['桃谷山路', '桃谷路'],
  美人窝社区: ['美人窝路', '金盆路'],
  羞女山社区: ['羞女山路', '滨江路'],
  高桥社区: ['高桥路', '高桥东路'],
};

interface HomePlace {
  /** ID number prefix of people born there. */
  region: string;
  /** Province and county as an address starts. */
  area: string;
  /** Province abbreviation and county as a property certificate names them. */
  certProvince: string;
  certCounty: string;
  towns: readonly string[];
  weight: number;
}

/** Where migrant families are registered (real region codes; towns are real, villages generic). */
const homePlaces: readonly HomePlace[] = [
  {
    region: '430922',
    area: '湖南省桃江县',
    certProvince: '湘',
    certCounty: '桃江县',
    towns: ['灰山港镇', '武潭镇', '马迹塘镇', '大栗港镇', '修山镇', '沾溪镇', '鸬鹚渡镇', '松木塘镇', '三堂街镇', '牛田镇', '浮邱山乡'],
    weight: 40,
  },
  {
    region: '430923',
    area: '湖南省安化县',
    certProvince: '湘',
    certCounty: '安化县',
    towns: ['东坪镇', '梅城镇', '小淹镇', '江南镇', '仙溪镇'],
    weight: 10,
  },
  {
    region: '430903',
    area: '湖南省益阳市赫山区',
    certProvince: '湘',
    certCounty: '益阳市',
    towns: ['兰溪镇', '泉交河镇', '沧水铺镇'],
    weight: 6,
  },
  { region: '430902', area: '湖南省益阳市资阳区', certProvince: '湘', certCounty: '益阳市', towns: ['长春镇', '新桥河镇'], weight: 4 },
  { region: '430921', area: '湖南省南县', certProvince: '湘', certCounty: '南县', towns: ['南洲镇', '茅草街镇'], weight: 3 },
  { region: '430981', area: '湖南省沅江市', certProvince: '湘', certCounty: '沅江市', towns: ['草尾镇', '南大膳镇'], weight: 3 },
  { region: '430521', area: '湖南省邵东市', certProvince: '湘', certCounty: '邵东市', towns: ['廉桥镇', '牛马司镇'], weight: 4 },
  { region: '430524', area: '湖南省隆回县', certProvince: '湘', certCounty: '隆回县', towns: ['桃洪镇', '六都寨镇'], weight: 3 },
  { region: '430681', area: '湖南省汨罗市', certProvince: '湘', certCounty: '汨罗市', towns: ['长乐镇', '新市镇'], weight: 3 },
  { region: '430723', area: '湖南省澧县', certProvince: '湘', certCounty: '澧县', towns: ['码头铺镇', '梦溪镇'], weight: 2 },
  { region: '431121', area: '湖南省祁阳市', certProvince: '湘', certCounty: '祁阳市', towns: ['白水镇', '黎家坪镇'], weight: 2 },
  { region: '360124', area: '江西省进贤县', certProvince: '赣', certCounty: '进贤县', towns: ['民和镇', '李渡镇'], weight: 2 },
  { region: '421127', area: '湖北省黄梅县', certProvince: '鄂', certCounty: '黄梅县', towns: ['小池镇', '孔垄镇'], weight: 2 },
  { region: '350583', area: '福建省南安市', certProvince: '闽', certCounty: '南安市', towns: ['水头镇', '官桥镇'], weight: 1 },
  { region: '500101', area: '重庆市万州区', certProvince: '渝', certCounty: '重庆市', towns: ['分水镇', '龙驹镇'], weight: 1 },
];
const homeWeightTotal = homePlaces.reduce((sum, p) => sum + p.weight, 0);
const villages = [
  '新民村',
  '和平村',
  '长乐村',
  '金星村',
  '红旗村',
  '太平村',
  '永兴村',
  '青山村',
  '联合村',
  '石桥村',
  '新华村',
  '光明村',
  '双江村',
  '龙潭村',
  '白竹村',
  '枫树村',
];

const firmWords = [
  '鑫达',
  '华盛',
  '恒通',
  '福源',
  '宏发',
  '金桃',
  '兴旺',
  '顺达',
  '资江',
  '桃花江',
  '永兴',
  '天成',
  '瑞丰',
  '佳美',
  '利民',
  '广源',
  '竹海',
  '益丰',
];
const firmTrades = ['竹业', '建材', '物流', '食品', '茶业', '商贸', '电子', '机械', '农业开发', '装饰工程', '竹木制品', '服饰'];
const shopTrades = [
  '副食店',
  '五金店',
  '餐馆',
  '理发店',
  '服装店',
  '水果店',
  '建材店',
  '手机店',
  '早餐店',
  '米粉店',
  '茶叶店',
  '家电维修部',
  '小吃店',
  '超市',
];
const publicEmployers = [
  '桃江县教育局',
  '桃江县人民医院',
  '桃江县中医医院',
  '桃江县财政局',
  '桃江县人民政府办公室',
  '桃花江镇人民政府',
  '桃江县第一中学',
  '桃江县实验小学',
  '桃江县自然资源局',
  '桃江县公安局',
  '桃江县市场监督管理局',
  '桃江县人力资源和社会保障局',
  '桃江县住房和城乡建设局',
  '桃江县妇幼保健计划生育服务中心',
  '桃江县桃花江中学',
  '桃江县交通运输局',
];

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

/** mulberry32: a small, fast 32-bit PRNG; integer arithmetic only, so identical on every host. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Generator {
  readonly random: () => number;
  readonly people: SyntheticPerson[] = [];
  readonly households: SyntheticHousehold[] = [];
  readonly properties: PropertyRecord[] = [];
  readonly pensions: PensionRecord[] = [];
  readonly licences: BusinessLicenceRecord[] = [];
  readonly publicServants: PublicServantRecord[] = [];
  readonly families: SyntheticFamily[] = [];
  /** ID numbers taken (the `noRecords` ones included, so no generated person gets them). */
  readonly usedIds = new Set<string>();
  readonly usedCodes = new Set<string>();
  private householdSerial = 0;
  private certificateSerial = 0;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** A date from `from` to `to`, both included (`to` when the range is empty). */
  date(from: string, to: string): string {
    const a = toDays(from);
    const b = toDays(to);
    return b <= a ? fromDays(b) : fromDays(a + this.int(b - a + 1));
  }

  name(surname: string, sex: Sex, child: boolean): string {
    const pool = child ? (sex === 'male' ? boyNames : girlNames) : sex === 'male' ? maleAdultNames : femaleAdultNames;
    return surname + this.pick(pool);
  }

  /** A new person with a fresh valid ID number. */
  person(name: string, region: string, birthDate: string, sex: Sex): SyntheticPerson {
    for (;;) {
      const sequence = String(this.int(500) * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
      const idNumber = residentId(region, birthDate, sequence);
      if (this.usedIds.has(idNumber)) continue;
      this.usedIds.add(idNumber);
      const person = { name, idNumber, birthDate, sex };
      this.people.push(person);
      return person;
    }
  }

  /** A birth date in the range, never 2018-01-01 (see the file comment). */
  birthDate(from: string, to: string): string {
    for (;;) {
      const date = this.date(from, to);
      if (date !== '2018-01-01') return date;
    }
  }

  household(region: string, address: string, community: string, members: SyntheticMember[]): SyntheticHousehold {
    this.householdSerial += 1;
    const household = { householdId: `${region}${String(this.householdSerial).padStart(6, '0')}`, address, community, members };
    this.households.push(household);
    return household;
  }

  certificate(province: string, county: string, registeredOn: string): string {
    this.certificateSerial += 1;
    return `${province}(${registeredOn.slice(0, 4)})${county}不动产权第${String(this.certificateSerial).padStart(7, '0')}号`;
  }

  creditCode(kind: '91' | '92', region: string): string {
    for (;;) {
      let body = 'MA4';
      for (let i = 0; i < 5; i++) body += usccAlphabet[this.int(usccAlphabet.length)]!;
      const code = creditCode(kind, region, body);
      if (this.usedCodes.has(code)) continue;
      this.usedCodes.add(code);
      return code;
    }
  }

  townAddress(community: string, flat: boolean): string {
    const roads = streets[community];
    if (!roads) return `${townArea}${community}${1 + this.int(12)}组${1 + this.int(60)}号`;
    const base = `${townArea}${community}${this.pick(roads)}${1 + this.int(260)}号`;
    return flat ? `${base}${1 + this.int(12)}栋${1 + this.int(4)}单元${1 + this.int(18)}0${1 + this.int(4)}` : base;
  }

  homePlace(): HomePlace {
    let roll = this.int(homeWeightTotal);
    for (const place of homePlaces) {
      roll -= place.weight;
      if (roll < 0) return place;
    }
    return homePlaces[0]!;
  }

  /** A village address at a home place, and its community (`<town><village>`). */
  homeAddress(place: HomePlace): { address: string; community: string } {
    const town = this.pick(place.towns);
    const village = this.pick(villages);
    return { address: `${place.area}${town}${village}${1 + this.int(12)}组${1 + this.int(60)}号`, community: `${town}${village}` };
  }

  firmName(area: string, kind: '91' | '92', holder: SyntheticPerson): string {
    if (kind === '91') return `${area}${this.pick(firmWords)}${this.pick(firmTrades)}有限公司`;
    const word = this.chance(0.4) ? holder.name.slice(1) : this.pick(firmWords);
    return `${area}${word}${this.pick(shopTrades)}`;
  }

  employer(): string {
    return this.chance(0.5)
      ? `桃江县${this.pick(firmWords)}${this.pick(firmTrades)}有限公司`
      : `湖南桃江${this.pick(firmWords)}${this.pick(firmTrades)}有限公司`;
  }
}

const registration = (g: Generator, birthDate: string) => addDays(birthDate, 7 + g.int(84));
const isTown = (community: string | null) => community !== null && (townCommunities as readonly string[]).includes(community);

/** Adds one edge case's people and records: fixed values only, nothing drawn from the PRNG. */
function addEdgeCase(g: Generator, c: EdgeCase): void {
  const { father, mother, child, facts: f } = c;
  for (const p of [father, mother, child, ...(c.grandparents ?? [])]) g.usedIds.add(p.idNumber);
  if (c.key === 'noRecords') return;
  const registered: SyntheticPerson = {
    name: child.registeredName ?? child.name,
    idNumber: child.idNumber,
    birthDate: child.birthDate,
    sex: child.sex,
  };
  g.people.push(father, mother, registered, ...(c.grandparents ?? []));
  const childOn = f.hukouRegisteredOn!;
  const member = (p: SyntheticPerson, relation: HouseholdRelation, registeredOn: string): SyntheticMember => ({
    idNumber: p.idNumber,
    name: p.name,
    relation,
    registeredOn,
  });
  // Registered at birth (three weeks later), the mother on marriage (some 16 months before the child).
  const fatherOn = addDays(father.birthDate, 21);
  const motherOn = addDays(child.birthDate, -490);

  if (c.key === 'hukouWithoutRelation') {
    const [grandfather, grandmother] = c.grandparents!;
    g.household('430922', c.address, f.hukouCommunity!, [
      member(grandfather!, 'head', addDays(grandfather!.birthDate, 23)),
      member(grandmother!, 'spouse', '1978-12-20'),
      member(registered, 'other', childOn),
    ]);
    g.household('430922', '湖南省桃江县武潭镇长乐村7组12号', '武潭镇长乐村', [
      member(father, 'head', '2011-03-15'),
      member(mother, 'spouse', '2011-03-15'),
    ]);
  } else if (isTown(f.hukouCommunity)) {
    // The cut-off cases moved their hukou into the town together on the day; the others were registered there.
    const movedIn = c.key === 'hukouBeforeCutoff' || c.key === 'hukouOnCutoff';
    g.household('430922', c.address, f.hukouCommunity!, [
      member(father, 'head', movedIn ? childOn : fatherOn),
      member(mother, 'spouse', movedIn ? childOn : motherOn),
      member(registered, 'child', childOn),
    ]);
  } else {
    // Registered at the home place, whose community is named `<town><village>`.
    const region = father.idNumber.slice(0, 6);
    const place = homePlaces.find((p) => p.region === region)!;
    g.household(region, `${place.area}${f.hukouCommunity}3组18号`, f.hukouCommunity!, [
      member(father, 'head', fatherOn),
      member(mother, 'spouse', motherOn),
      member(registered, 'child', childOn),
    ]);
  }

  const holder = (who: Parent) => (who === 'father' ? father : mother);
  if (f.pension) {
    const { holder: who, ...pension } = f.pension;
    g.pensions.push({ idNumber: holder(who).idNumber, ...pension });
  }
  if (f.licence) {
    const { holder: who, ...licence } = f.licence;
    g.usedCodes.add(licence.licenceNumber);
    g.licences.push({ holderIdNumber: holder(who).idNumber, ...licence, address: c.address });
  }
  if (f.property) {
    const { owners, ...property } = f.property;
    for (const who of owners) g.properties.push({ ownerIdNumber: holder(who).idNumber, ...property, address: c.address });
  }
  if (f.publicServant) {
    const { holder: who, ...post } = f.publicServant;
    g.publicServants.push({ idNumber: holder(who).idNumber, ...post });
  }
  const kind: FamilyKind = f.hukouShowsRelation === false ? 'grandparents' : isTown(f.hukouCommunity) ? 'town' : 'migrant';
  g.families.push({
    key: c.key,
    kind,
    community: c.community,
    address: c.address,
    father,
    mother,
    children: [registered],
    edgeCase: c.key,
  });
}

function addRandomFamily(g: Generator, index: number): void {
  const roll = g.random();
  const kind: FamilyKind = roll < 0.55 ? 'town' : roll < 0.93 ? 'migrant' : 'grandparents';
  const place = kind === 'town' ? homePlaces[0]! : kind === 'grandparents' ? homePlaces[0]! : g.homePlace();
  const community = g.pick(townCommunities);

  // Parents, born 1978–1992, the mother within a few years of the father.
  const fatherSurname = g.pick(surnames);
  const fatherBirth = g.birthDate('1978-01-01', '1992-12-31');
  const fatherRegion = kind === 'town' && g.chance(0.06) ? g.homePlace().region : place.region;
  const father = g.person(g.name(fatherSurname, 'male', false), fatherRegion, fatherBirth, 'male');
  const motherFrom = Math.max(toDays('1978-01-01'), toDays(fatherBirth) - 3 * 365);
  const motherTo = Math.min(toDays('1992-12-31'), toDays(fatherBirth) + 6 * 365);
  const motherBirth = g.birthDate(fromDays(motherFrom), fromDays(motherTo));
  const motherRegion = g.chance(0.7) ? fatherRegion : g.chance(0.5) ? '430922' : g.homePlace().region;
  const mother = g.person(g.name(g.pick(surnames), 'female', false), motherRegion, motherBirth, 'female');

  // Children, born 2010–2019, the mother at least 20; about a year or more apart.
  const wanted = g.chance(0.6) ? 1 : g.chance(0.875) ? 2 : 3;
  const childRegion = kind === 'migrant' ? place.region : '430922';
  const children: SyntheticPerson[] = [];
  let earliest = fromDays(Math.max(toDays('2010-01-01'), toDays(motherBirth) + 20 * 365));
  for (let k = 0; k < wanted && earliest <= '2019-12-31'; k++) {
    const room = toDays('2019-12-31') - toDays(earliest);
    const last = fromDays(toDays(earliest) + Math.floor(room / (wanted - k)));
    const birth = g.birthDate(earliest, k === wanted - 1 ? '2019-12-31' : last);
    const sex: Sex = g.chance(0.52) ? 'male' : 'female';
    const surname = g.chance(0.9) ? fatherSurname : mother.name[0]!;
    children.push(g.person(g.name(surname, sex, true), childRegion, birth, sex));
    earliest = addDays(birth, 400);
  }
  const firstChild = children[0]!;
  const member = (p: SyntheticPerson, relation: HouseholdRelation, registeredOn: string): SyntheticMember => ({
    idNumber: p.idNumber,
    name: p.name,
    relation,
    registeredOn,
  });
  const marriedOn = g.date(
    fromDays(Math.max(toDays(addDays(motherBirth, 20 * 365)), toDays('2000-01-01'))),
    addDays(firstChild.birthDate, -200),
  );
  const grandparent = (): SyntheticPerson => {
    const sex: Sex = g.chance(0.5) ? 'male' : 'female';
    return g.person(
      g.name(sex === 'male' ? fatherSurname : g.pick(surnames), sex, false),
      fatherRegion,
      g.birthDate('1948-01-01', '1962-12-31'),
      sex,
    );
  };

  let address: string;
  let livesIn = community;
  if (kind === 'town') {
    const hukouCommunity = g.chance(0.8) ? community : g.pick(townCommunities);
    address = g.townAddress(hukouCommunity, g.chance(0.5));
    // Most registered before the children were born; some moved their hukou into the town later (迁入).
    const movedIn = g.chance(0.12) ? g.date('2019-01-01', '2024-07-10') : null;
    const localBorn = fatherRegion === '430922' && g.chance(0.6);
    const fatherOn = movedIn ?? (localBorn ? registration(g, fatherBirth) : g.date('2005-01-01', firstChild.birthDate));
    const motherOn = movedIn ?? marriedOn;
    const childOn = (c: SyntheticPerson) => (movedIn && movedIn > c.birthDate ? movedIn : registration(g, c.birthDate));
    const motherHead = g.chance(0.15);
    const members = motherHead
      ? [member(mother, 'head', motherOn), member(father, 'spouse', fatherOn)]
      : [member(father, 'head', fatherOn), member(mother, 'spouse', motherOn)];
    for (const c of children) members.push(member(c, 'child', childOn(c)));
    if (g.chance(0.15)) members.push(member(grandparent(), 'parent', movedIn ?? g.date('1990-01-01', '2015-12-31')));
    g.household('430922', address, hukouCommunity, members);
    // Most live at the registered address; the others rent elsewhere in the town.
    if (hukouCommunity === community || g.chance(0.5)) livesIn = hukouCommunity;
    else address = g.townAddress(livesIn, true);
  } else if (kind === 'migrant') {
    const home = g.homeAddress(place);
    const members = [member(father, 'head', registration(g, fatherBirth)), member(mother, 'spouse', marriedOn)];
    for (const c of children) members.push(member(c, 'child', registration(g, c.birthDate)));
    if (g.chance(0.3)) members.push(member(grandparent(), 'parent', g.date('1970-01-01', '1990-12-31')));
    g.household(place.region, home.address, home.community, members);
    address = g.townAddress(community, g.chance(0.6));
    if (g.chance(0.35)) {
      const on = g.date('2008-01-01', '2024-06-30');
      const owners = g.chance(0.5) ? [father, mother] : [g.chance(0.6) ? father : mother];
      const certificateNumber = g.certificate(place.certProvince, place.certCounty, on);
      for (const o of owners)
        g.properties.push({
          ownerIdNumber: o.idNumber,
          certificateNumber,
          address: home.address,
          community: home.community,
          registeredOn: on,
        });
    }
  } else {
    // The children live and are registered with the grandparents in the town; the parents' hukou is in another town of the county.
    const hukouCommunity = community;
    address = g.townAddress(hukouCommunity, false);
    const grandfather = g.person(g.name(fatherSurname, 'male', false), '430922', g.birthDate('1950-01-01', '1962-12-31'), 'male');
    const grandmother = g.person(g.name(g.pick(surnames), 'female', false), '430922', g.birthDate('1952-01-01', '1964-12-31'), 'female');
    const members = [
      member(grandfather, 'head', registration(g, grandfather.birthDate)),
      member(grandmother, 'spouse', g.date('1975-01-01', '1988-12-31')),
    ];
    for (const c of children) members.push(member(c, 'other', registration(g, c.birthDate)));
    g.household('430922', address, hukouCommunity, members);
    const home = g.homeAddress(place);
    g.household(place.region, home.address, home.community, [
      member(father, 'head', g.date(addDays(fatherBirth, 18 * 365), firstChild.birthDate)),
      member(mother, 'spouse', marriedOn),
    ]);
  }

  // Records in the town.
  const parent = () => (g.chance(0.6) ? father : mother);
  const shares =
    kind === 'town'
      ? { property: 0.65, publicServant: 0.12, pension: 0.3, licence: 0.1 }
      : kind === 'migrant'
        ? { property: 0.2, publicServant: 0.04, pension: 0.5, licence: 0.25 }
        : { property: 0.1, publicServant: 0.02, pension: 0.4, licence: 0.1 };
  if (g.chance(shares.property)) {
    const count = g.chance(0.1) ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const on = g.date(kind === 'town' ? '2006-01-01' : '2015-01-01', '2024-06-30');
      const where = k === 0 && g.chance(0.7) ? livesIn : g.pick(townCommunities);
      const propertyAddress = g.townAddress(where, true);
      const owners = g.chance(0.4) ? [father, mother] : [parent()];
      const certificateNumber = g.certificate('湘', '桃江县', on);
      for (const o of owners)
        g.properties.push({ ownerIdNumber: o.idNumber, certificateNumber, address: propertyAddress, community: where, registeredOn: on });
      if (k === 0 && where === livesIn && kind !== 'grandparents') address = propertyAddress;
    }
  }
  let servant: SyntheticPerson | null = null;
  if (g.chance(shares.publicServant)) {
    servant = parent();
    const from = fromDays(Math.max(toDays(addDays(servant.birthDate, 22 * 365)), toDays('2003-01-01')));
    g.publicServants.push({ idNumber: servant.idNumber, employer: g.pick(publicEmployers), since: g.date(from, '2024-06-30') });
  }
  if (g.chance(shares.pension)) {
    const insured = servant === father ? mother : servant === mother ? father : parent();
    const firstPaidOn = g.date(kind === 'town' ? '2008-01-01' : '2014-01-01', '2024-06-28');
    // Some stopped paying (changed job, left the town): fewer months than the span, no longer active.
    const stopped = firstPaidOn < '2024-01-01' && g.chance(0.1);
    const lastPaid = stopped ? g.date(firstPaidOn, '2024-05-31') : datasetAsOf;
    g.pensions.push({
      idNumber: insured.idNumber,
      employer: g.employer(),
      firstPaidOn,
      months: pensionMonths(firstPaidOn, lastPaid),
      active: !stopped,
    });
  }
  if (g.chance(shares.licence)) {
    const holder = parent();
    const kindCode = g.chance(0.3) ? '91' : '92';
    const atHome = kind !== 'town' && g.chance(0.1);
    const issuedOn = g.date(kind === 'town' ? '2008-01-01' : '2012-01-01', '2024-06-30');
    if (atHome) {
      const home = g.homeAddress(place);
      g.licences.push({
        holderIdNumber: holder.idNumber,
        licenceNumber: g.creditCode(kindCode, place.region),
        name: g.firmName(place.area.replace(/^.+?省/, ''), kindCode, holder),
        issuedOn,
        address: home.address,
        community: home.community,
      });
    } else {
      const where = g.chance(0.6) ? livesIn : g.pick(townCommunities);
      const area = kindCode === '91' ? '桃江县' : '桃江县桃花江镇';
      g.licences.push({
        holderIdNumber: holder.idNumber,
        licenceNumber: g.creditCode(kindCode, '430922'),
        name: g.firmName(area, kindCode, holder),
        issuedOn,
        address: g.townAddress(where, false),
        community: where,
      });
    }
  }

  g.families.push({ key: `f${String(index + 1).padStart(4, '0')}`, kind, community: livesIn, address, father, mother, children });
}

/** Generates the dataset (uncached: use `syntheticDataset` unless timing or comparing generations). */
export function generateDataset(seed: number = datasetSeed, familyCount: number = defaultFamilyCount): SyntheticDataset {
  const g = new Generator(seed);
  for (const key of edgeCaseKeys) addEdgeCase(g, edgeCases[key]);
  for (let i = 0; i < familyCount; i++) addRandomFamily(g, i);
  const byDate =
    <T>(date: (t: T) => string) =>
    (a: T, b: T) =>
      date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0;
  g.licences.sort(byDate((l) => l.issuedOn));
  return {
    seed,
    asOf: datasetAsOf,
    families: g.families,
    people: g.people,
    households: g.households,
    properties: g.properties,
    pensions: g.pensions,
    licences: g.licences,
    publicServants: g.publicServants,
  };
}

const datasets = new Map<string, SyntheticDataset>();

/** The dataset for a seed, generated once per process (isolate) on first use. */
export function syntheticDataset(seed: number = datasetSeed, familyCount: number = defaultFamilyCount): SyntheticDataset {
  const key = `${seed}:${familyCount}`;
  let dataset = datasets.get(key);
  if (!dataset) {
    dataset = generateDataset(seed, familyCount);
    datasets.set(key, dataset);
  }
  return dataset;
}

// ---------------------------------------------------------------------------
// Indexes
// ---------------------------------------------------------------------------

export interface RecordsIndex {
  /** The identity register by ID number (registered names). */
  people: Map<string, SyntheticPerson>;
  /** Each registered person's household. */
  households: Map<string, SyntheticHousehold>;
  properties: Map<string, PropertyRecord[]>;
  pensions: Map<string, PensionRecord>;
  /** Oldest first. */
  licences: Map<string, BusinessLicenceRecord[]>;
  publicServants: Map<string, PublicServantRecord>;
}

const indexes = new WeakMap<SyntheticDataset, RecordsIndex>();

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Maps by ID number over a dataset, built once on first use. */
export function recordsIndex(dataset: SyntheticDataset): RecordsIndex {
  let index = indexes.get(dataset);
  if (index) return index;
  index = {
    people: new Map(dataset.people.map((p) => [p.idNumber, p])),
    households: new Map(),
    properties: new Map(),
    pensions: new Map(dataset.pensions.map((p) => [p.idNumber, p])),
    licences: new Map(),
    publicServants: new Map(dataset.publicServants.map((p) => [p.idNumber, p])),
  };
  for (const household of dataset.households) for (const m of household.members) index.households.set(m.idNumber, household);
  for (const property of dataset.properties) pushTo(index.properties, property.ownerIdNumber, property);
  for (const licence of dataset.licences) pushTo(index.licences, licence.holderIdNumber, licence);
  indexes.set(dataset, index);
  return index;
}
